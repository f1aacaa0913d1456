/// @file
/// @brief Site furniture: the lines of a scraped page that are not article text, by kind.
#pragma once

#include <string_view>

namespace news::extract {

/// The kinds of furniture, as --extract names the lines it drops.
inline constexpr const char* kSiteNotice = "site notice";            ///< "IE 11 is not supported", "Skip to content"
inline constexpr const char* kCopyright = "copyright line";          ///< "© 2024 Harbor Ledger"
inline constexpr const char* kPromotion = "promotion";               ///< "Sign up for our newsletter" (not a sentence)
inline constexpr const char* kMenuWord = "menu word";                ///< "Share", "Print", "Video" alone
inline constexpr const char* kGluedNavigation = "glued navigation";  ///< "Get more newsLiveon"

/// The kind of furniture @p paragraph is, or nullptr when it is article text. Only for text
/// whose structure is guessed (scraped plain text, HTML): a source's own fields never pass here.
[[nodiscard]] const char* furniture_kind(std::string_view paragraph);

/// Is this paragraph site furniture ("IE 11 is not supported...", "Advertisement",
/// "Get more newsLiveon") rather than article text?
[[nodiscard]] inline bool is_boilerplate(std::string_view paragraph) { return furniture_kind(paragraph) != nullptr; }

}  // namespace news::extract
