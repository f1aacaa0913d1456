/// @file
/// @brief The run lock of a database: held by news-index, tested by news-search.
#include "common/run_lock.h"

#include <xapian.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace news::runlock {

int take(const std::string& db, bool& unsupported) {
    unsupported = false;
    const std::string path = path_of(db);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(path + ": cannot create the lock file: " + std::strerror(errno));
    struct flock l {};
    l.l_type = F_WRLCK;
    l.l_whence = SEEK_SET;
    if (::fcntl(fd, F_SETLK, &l) == 0) return fd;
    const int err = errno;
    if (err == EACCES || err == EAGAIN) {
        ::close(fd);
        return -1;
    }
    unsupported = true;  // ENOLCK and the like: a file system without locks
    return fd;
}

bool held(const std::string& db) {
    const int fd = ::open(path_of(db).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct flock l {};
    l.l_type = F_WRLCK;
    l.l_whence = SEEK_SET;
    const bool locked = ::fcntl(fd, F_GETLK, &l) == 0 && l.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

std::size_t articles_in_segments(const std::string& db) {
    namespace fs = std::filesystem;
    std::size_t n = 0;
    std::error_code ec;
    for (std::size_t k = 0;; ++k) {  // the finished ones are numbered from 000000 on (segments.cpp)
        char name[32];
        std::snprintf(name, sizeof name, "%06zu", k);
        const fs::path p = fs::path(segments_of(db)) / name;
        if (!fs::is_directory(p, ec)) break;
        try {
            n += Xapian::Database(p.string()).get_doccount();
        } catch (const Xapian::Error&) {
            break;
        }
    }
    return n;
}

}  // namespace news::runlock
