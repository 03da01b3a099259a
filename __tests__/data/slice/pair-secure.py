def read_upload(request, base):
    name = request.files["file"].filename
    size = request.content_length
    log.info("upload of %d bytes", size)
    name = secure_filename(name)
    path = os.path.join(base, name)
    if not path.startswith(base):
        raise ValueError("bad path")
    with open(path, "wb") as out:
        out.write(request.files["file"].read())
    notify(request.user, size)
    return path
