import sqlite3


def connect(path):
    return sqlite3.connect(path)


class Reports:
    def __init__(self, conn):
        self.conn = conn

    def by_owner(self, owner):
        cur = self.conn.cursor()
        cur.execute("SELECT id, title FROM reports WHERE owner = ?", (owner,))
        rows = cur.fetchall()
        return [{"id": r[0], "title": r[1]} for r in rows]

    def count(self):
        cur = self.conn.cursor()
        cur.execute("SELECT COUNT(*) FROM reports")
        return cur.fetchone()[0]

    def latest(self, limit=10):
        cur = self.conn.cursor()
        cur.execute("SELECT id, title FROM reports ORDER BY id DESC LIMIT ?", (int(limit),))
        return cur.fetchall()
