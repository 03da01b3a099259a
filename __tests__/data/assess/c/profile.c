#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int register_player(const char *name);
int read_profile_from(const char *home);
void draw_banner(const char *text);
int parse_banner(const char *buf, char *out);

int ask_name(void)
{
    char name[32];
    printf("name: ");
    if (gets(name) == NULL)
        return -1;
    return register_player(name);
}

void greet(const char *visitor)
{
    char banner[48];
    sprintf(banner, "Welcome, %s! Enjoy your stay.", visitor);
    draw_banner(banner);
}

int read_banner(int fd, char *out)
{
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return parse_banner(buf, out);
}

int load_profile(void)
{
    char home[128];
    const char *env = getenv("HOME");
    if (env == NULL)
        return -1;
    strcpy(home, env);
    return read_profile_from(home);
}

void run_report(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "report --user %s", name);
    /* rescue-ignore CWE-78: callers pass a user name checked against [a-z0-9_]+ */
    system(cmd);
}
