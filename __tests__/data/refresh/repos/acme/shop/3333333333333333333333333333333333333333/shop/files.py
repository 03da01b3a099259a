import os

BASE = "/srv/shop/uploads"


def read_upload(name):
    with open(os.path.join(BASE, name), "rb") as f:
        return f.read()
