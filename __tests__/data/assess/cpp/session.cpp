#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <curl/curl.h>

class Session {
public:
    std::string receive_line();
    void print_label(const std::string &sku);
    void report(const std::string &name, double value);

private:
    int fd_;
};

std::string Session::receive_line()
{
    char chunk[512];
    auto n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n <= 0)
        throw std::runtime_error("peer closed");
    chunk[n] = 0;
    return std::string(chunk);
}

void Session::print_label(const std::string &sku)
{
    char label[24];
    std::strcpy(label, sku.c_str());
    std::puts(label);
}

void Session::report(const std::string &name, double value)
{
    char line[64];
    std::sprintf(line, "%s=%.3f\n", name.c_str(), value);
    std::fputs(line, stderr);
}

void use_internal_ca(CURL *curl)
{
    curl_easy_setopt(curl, CURLOPT_CAINFO, "/etc/pki/internal-ca.pem");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0);
}
