"""pytest fixtures for the shared ledger (issue 16): a temporary PostgreSQL cluster per test module
(postgres_cluster.py). Without PostgreSQL the tests skip with the reason, except when
GOVTOP_REQUIRE_POSTGRES=1 (CI), where its absence fails them."""
import os

import pytest

from postgres_cluster import Cluster, binaries


@pytest.fixture(scope="module")
def postgres():
    if os.environ.get("GOVTOP_POSTGRES_TESTS") != "1":
        pytest.skip("the shared-ledger tests are off unless GOVTOP_POSTGRES_TESTS=1 (.ci/run sets it): they start a PostgreSQL cluster")
    if binaries() is None:
        message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql"
        if os.environ.get("GOVTOP_REQUIRE_POSTGRES") == "1":
            pytest.fail("GOVTOP_REQUIRE_POSTGRES=1 but " + message)
        pytest.skip(message)
    cluster = Cluster(fsync=True)
    yield cluster
    cluster.destroy()
