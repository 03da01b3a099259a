from portal.db import get_cursor


def search_items(term, page=1):
    cur = get_cursor()
    sql = "SELECT id, name FROM items WHERE name LIKE ? LIMIT 20 OFFSET ?"
    cur.execute(sql, ("%" + term + "%", (int(page) - 1) * 20))
    return cur.fetchall()
