def banner(user):
    return "<b>" + user.name + "</b>"
