#include "store/db_url.h"

#include <fmt/format.h>

namespace c9 {

namespace {

Result<std::string> percent_decode(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
            return Error::invalid("db", "a % in the URL must be followed by two hex digits");
        out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
        i += 2;
    }
    return out;
}

// libpq keyword values are quoted when they hold spaces, quotes or backslashes.
std::string quote(std::string_view value)
{
    if (!value.empty() && value.find_first_of(" '\\") == std::string_view::npos)
        return std::string(value);
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

Result<DbTarget> parse_db_url(std::string_view url)
{
    DbTarget target;
    if (url.empty())
        return Error::invalid("db", "is empty; give a SQLite file path or a postgresql:// URL");
    std::string_view rest;
    if (url.starts_with("postgresql://"))
        rest = url.substr(13);
    else if (url.starts_with("postgres://"))
        rest = url.substr(11);
    else {
        if (url.starts_with("sqlite:"))
            url.remove_prefix(7);
        if (url.empty())
            return Error::invalid("db", "sqlite: needs a file path");
        if (url.find("://") != std::string_view::npos)
            return Error::invalid("db", fmt::format("unsupported URL \"{}\": use a file path or postgresql://",
                                                    url.substr(0, url.find("://") + 3)));
        target.engine = Engine::sqlite;
        target.path = std::string(url);
        target.connect = "db=" + quote(url) + " timeout=10";
        target.description = "SQLite database " + std::string(url);
        return target;
    }

    target.engine = Engine::postgresql;
    std::string query;
    if (auto question = rest.find('?'); question != std::string_view::npos) {
        query = std::string(rest.substr(question + 1));
        rest = rest.substr(0, question);
    }
    std::string_view authority = rest;
    std::string_view database;
    if (auto slash = rest.find('/'); slash != std::string_view::npos) {
        authority = rest.substr(0, slash);
        database = rest.substr(slash + 1);
    }
    std::string_view user_info;
    std::string_view host_port = authority;
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        user_info = authority.substr(0, at);
        host_port = authority.substr(at + 1);
    }
    std::string user, password;
    if (!user_info.empty()) {
        auto colon = user_info.find(':');
        user = C9_TRY(percent_decode(user_info.substr(0, colon)));
        if (colon != std::string_view::npos)
            password = C9_TRY(percent_decode(user_info.substr(colon + 1)));
    }
    std::string host, port;
    if (host_port.starts_with('[')) {
        auto close = host_port.find(']');
        if (close == std::string_view::npos)
            return Error::invalid("db", "an IPv6 host must be closed with ]");
        host = std::string(host_port.substr(1, close - 1));
        if (close + 1 < host_port.size() && host_port[close + 1] == ':')
            port = std::string(host_port.substr(close + 2));
    } else if (auto colon = host_port.rfind(':'); colon != std::string_view::npos) {
        host = C9_TRY(percent_decode(host_port.substr(0, colon)));
        port = std::string(host_port.substr(colon + 1));
    } else {
        host = C9_TRY(percent_decode(host_port));
    }
    if (!port.empty() && port.find_first_not_of("0123456789") != std::string::npos)
        return Error::invalid("db", fmt::format("port \"{}\" in the URL is not a number", port));
    std::string dbname = C9_TRY(percent_decode(database));
    if (dbname.empty())
        return Error::invalid("db", "the PostgreSQL URL names no database: postgresql://user@host:port/DBNAME");

    std::string connect;
    auto add = [&](std::string_view key, const std::string& value) {
        if (value.empty())
            return;
        if (!connect.empty())
            connect += ' ';
        connect += std::string(key) + "=" + quote(value);
    };
    add("host", host);
    add("port", port);
    add("dbname", dbname);
    add("user", user);
    add("password", password);
    // Query parameters are libpq options (sslmode, connect_timeout, application_name ...).
    bool have_timeout = false;
    size_t pos = 0;
    while (pos < query.size()) {
        size_t end = query.find('&', pos);
        if (end == std::string::npos)
            end = query.size();
        std::string_view pair(query.data() + pos, end - pos);
        pos = end + 1;
        auto equals = pair.find('=');
        if (equals == std::string_view::npos || equals == 0)
            return Error::invalid("db", fmt::format("URL parameter \"{}\" must be key=value", pair));
        auto key = std::string(pair.substr(0, equals));
        if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
            return Error::invalid("db", fmt::format("URL parameter \"{}\" is not a connection option", key));
        have_timeout = have_timeout || key == "connect_timeout";
        add(key, C9_TRY(percent_decode(pair.substr(equals + 1))));
    }
    if (!have_timeout)
        add("connect_timeout", "10");
    target.connect = connect;
    target.description = fmt::format("PostgreSQL database {} on {}{}", dbname, host.empty() ? "localhost" : host,
                                     port.empty() ? "" : ":" + port);
    return target;
}

} // namespace c9
