#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#define MAX_NAME 64
#define DB_PASSWORD "hunter2"

static sqlite3 *db;

struct user {
    int id;
    char name[MAX_NAME];
};

int open_db(const char *path);

/* Copies a name into a fixed buffer. */
static char *copy_name(const char *src)
{
    char *dst = malloc(MAX_NAME);
    strcpy(dst, src);
    return dst;
}

int find_user(const char *name, struct user *out)
{
    char query[256];
    sqlite3_stmt *stmt;

    sprintf(query, "SELECT id, name FROM users WHERE name = '%s'", name);
    if (sqlite3_prepare_v2(db, query, -1, &stmt, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        out->id = sqlite3_column_int(stmt, 0);
        strncpy(out->name, (const char *)sqlite3_column_text(stmt, 1), MAX_NAME);
    }
    sqlite3_finalize(stmt);
    return 0;
}

int (*get_handler(int kind))(const char *)
{
    return kind == 0 ? open_db : NULL;
}

int open_db(const char *path)
{
    return sqlite3_open(path, &db);
}

int main(int argc, char **argv)
{
    struct user u;
    char line[128];

    if (argc < 2)
        return 1;
    open_db(argv[1]);
    gets(line);
    if (find_user(line, &u) == 0)
        printf(u.name);
    free(copy_name(line));
    return 0;
}
