"""The Dask executor gives the same memories as the local one (needs ``distributed``)."""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from tests.test_batch_run import config, make_collection, quiet
from tmkit.batch.executors.dask import DaskExecutor
from tmkit.batch.pairing import pair_directory
from tmkit.batch.runner import run_batch
from tmkit.cli import cli
from tmkit.errors import InputError

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # Worker processes, as on a real cluster: tasks and results really travel.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as local_cluster:
        yield local_cluster


def test_dask_gives_the_same_tmx_bytes_as_local(tmp_path, cluster):
    names = make_collection(tmp_path / "in", documents=4)
    (tmp_path / "in/BAD_C.txt").write_text("The meeting was held on 31 July 2009.\n", encoding="utf-8")
    (tmp_path / "in/BAD_E.txt").write_text("The meeting was held on 31 July 2009.\n", encoding="utf-8")
    pairing = pair_directory(tmp_path / "in")
    local = run_batch(pairing, config(tmp_path / "local", merge=True), quiet(tmp_path))
    dask = run_batch(pairing, config(tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address,
                                     merge=True), quiet(tmp_path))
    assert "Dask at tcp://" in dask.executor and "2 workers" in dask.executor
    assert 1 <= len(dask.worker_loads) <= 2  # loading paid once per worker, not per document
    for name in names:
        assert (tmp_path / "dask/tmx" / f"{name}.tmx").read_bytes() == (tmp_path / "local/tmx" / f"{name}.tmx").read_bytes()
    statuses = {row.name: (row.status, row.error) for row in dask.rows}
    assert statuses == {row.name: (row.status, row.error) for row in local.rows}
    assert statuses["BAD"][0] == "failed" and "expected Chinese text" in statuses["BAD"][1]
    assert "BAD_C.txt" in statuses["BAD"][1]  # the user's file is named, not the worker's temp copy


def test_dask_through_the_command_line(tmp_path, cluster):
    make_collection(tmp_path / "in", documents=2)
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                      "--executor", "dask", "--scheduler", cluster.scheduler_address,
                                      "--progress", "log"])
    assert result.exit_code == 0, result.output
    assert "2 aligned" in result.output
    assert sorted(path.name for path in (tmp_path / "out/tmx").iterdir()) == ["SDG_01.tmx", "SDG_02.tmx"]


def test_unreachable_scheduler_is_a_one_line_error():
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        with DaskExecutor("tcp://127.0.0.1:9", jobs=1, connect_timeout="1s"):
            pass
