"""Input and output at the edges of the pipeline: reading files, writing atomically."""
