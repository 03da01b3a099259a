int copy_name(struct req *r, const char *src, size_t n)
{
    char buf[64];
    size_t len = n;
    int flags = r->flags;

    if (src == NULL)
        return -1;
    log_debug("copy %zu bytes", len);
    if (flags & F_TRIM) {
        len = strlen(src);
    }
    memcpy(buf, src, len);
    buf[len] = '\0';
    r->count++;
    strcpy(r->name, buf);
    return 0;
}
