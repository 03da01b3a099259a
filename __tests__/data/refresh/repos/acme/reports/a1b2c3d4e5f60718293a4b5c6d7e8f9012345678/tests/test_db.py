from reports.db import Reports


def test_by_owner(conn):
    assert Reports(conn).by_owner("alice") == []


def test_by_owner_quote(conn):
    assert Reports(conn).by_owner("o'brien") == []
