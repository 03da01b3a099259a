def read_upload(request, base):
    name = request.files["file"].filename
    size = request.content_length
    log.info("upload of %d bytes", size)
    path = os.path.join(base, name)
    with open(path, "wb") as out:
        out.write(request.files["file"].read())
    notify(request.user, size)
    return path
