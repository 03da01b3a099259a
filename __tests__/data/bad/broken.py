import os


def fine(path):
    return os.path.exists(path)


def broken(path:
    return open(path).read(


def also_fine(x):
    return x * 2
