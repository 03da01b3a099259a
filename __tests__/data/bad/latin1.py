# café in Latin-1
def greet():
    return "café"
