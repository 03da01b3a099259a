import html


def banner(user):
    return "<b>" + html.escape(user.name) + "</b>"
