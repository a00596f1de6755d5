"""``python -m tmkit`` runs the command line."""

from tmkit.cli import main

if __name__ == "__main__":
    main()
