from reports.db import Reports


def test_by_owner(conn):
    assert Reports(conn).by_owner("alice") == []
