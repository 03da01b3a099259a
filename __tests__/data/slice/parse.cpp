std::string Parser::readField(const std::vector<uint8_t> &data, size_t &offset) {
    uint32_t len = 0;
    std::string out;
    readU32(data, offset, &len);
    stats_.fields++;
    if (offset + len > data.size()) {
        throw std::out_of_range("field");
    }
    for (size_t i = 0; i < len; ++i) {
        out.push_back(static_cast<char>(data[offset + i]));
    }
    offset += len;
    return out;
}
