from portal.db import get_cursor


def search_items(term, page=1):
    cur = get_cursor()
    sql = "SELECT id, name FROM items WHERE name LIKE '%%%s%%' LIMIT 20 OFFSET %d" % (term, (page - 1) * 20)
    cur.execute(sql)
    return cur.fetchall()
