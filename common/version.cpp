/// @file
/// @brief version_text (see version.h).
#include "common/version.h"

#include "common/schema.h"

#include <unicode/uversion.h>
#include <xapian.h>

#ifndef NEWS_VERSION
#define NEWS_VERSION "unknown"
#endif

namespace news {

std::string version_text(std::string_view program) {
    UVersionInfo icu;
    u_getVersion(icu);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, icu_text);
    return std::string(program) + " " NEWS_VERSION "\nXapian " + Xapian::version_string() + ", ICU " + icu_text +
           "\ndatabase schema " + std::to_string(schema::kSchemaVersion) + " (written and read)\n";
}

}  // namespace news
