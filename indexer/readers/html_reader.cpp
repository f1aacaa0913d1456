/// @file
/// @brief HTML pages into Articles: gumbo for the tree, nlohmann::json for JSON-LD.
#include "indexer/readers/html_reader.h"

#include "common/date.h"
#include "indexer/extract/furniture.h"
#include "indexer/readers/reader.h"
#include "indexer/readers/text_reader.h"

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace news::readers {
namespace {

using nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Runs of ASCII whitespace become one space; the ends are trimmed.
std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }

const char* attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

std::string attr_str(const GumboNode* n, const char* name) {
    const char* v = attr(n, name);
    return v ? std::string(v) : std::string();
}

/// Does the space-separated token list @p list hold @p token (case-insensitive)?
bool has_token(std::string_view list, std::string_view token) {
    std::string l = lower_ascii(list);
    std::size_t b = 0;
    while (b < l.size()) {
        while (b < l.size() && is_space(l[b])) ++b;
        std::size_t e = b;
        while (e < l.size() && !is_space(l[e])) ++e;
        if (l.compare(b, e - b, token) == 0 && e > b) return true;
        b = e;
    }
    return false;
}

/// Subtrees that are never text at all.
bool is_code(const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEMPLATE) return true;
    if (!is_element(n)) return false;
    const GumboElement& e = n->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // svg, math
    switch (e.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
        return true;
    default: return false;
    }
}

/// Subtrees that are never article text: code, and the page's navigation, header, footer,
/// asides, forms and media.
bool is_skipped(const GumboNode* n) {
    if (is_code(n)) return true;
    if (!is_element(n)) return false;
    switch (n->v.element.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MENU:
        return true;
    default: break;
    }
    if (attr(n, "hidden")) return true;
    if (const char* h = attr(n, "aria-hidden"); h && lower_ascii(h) == "true") return true;
    return false;
}

/// Site furniture by its class or id: a class ("share-buttons", "footer-social", "ad-slot",
/// "comments") whose first or last dash-separated part names sharing, ads, promotions,
/// related links, newsletters, comments, cookie banners, breadcrumbs or sidebars.
bool is_furniture(const GumboNode* n) {
    if (!is_element(n)) return false;
    static constexpr std::array<std::string_view, 26> words = {
        "share", "sharing", "social", "ad", "ads", "advert", "adverts", "advertisement", "promo", "related",
        "newsletter", "subscribe", "comments", "comment", "cookie", "cookies", "breadcrumb", "breadcrumbs", "sidebar",
        "popup", "modal", "outbrain", "taboola", "recommended", "recirc", "toolbar"};
    auto in_words = [](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
    for (const char* name : {"class", "id"}) {
        const char* v = attr(n, name);
        if (!v) continue;
        std::string l = lower_ascii(v);
        std::size_t b = 0;
        while (b < l.size()) {
            while (b < l.size() && is_space(l[b])) ++b;
            std::size_t e = b;
            while (e < l.size() && !is_space(l[e])) ++e;
            std::string_view token = std::string_view(l).substr(b, e - b);
            b = e;
            if (token.empty()) continue;
            std::size_t first = token.find_first_of("-_"), last = token.find_last_of("-_");
            if (in_words(token.substr(0, first)) || (last != std::string_view::npos && in_words(token.substr(last + 1))))
                return true;
        }
    }
    return false;
}

/// Elements that end a paragraph where they open and where they close.
bool is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR:
    case GUMBO_TAG_BR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
        return true;
    default: return false;
    }
}

/// Visits the tree depth first without recursion (a page may nest thousands of levels):
/// @p enter returns false to skip a subtree; @p leave is called after an element's children.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter enter, Leave leave) {
    struct Frame {
        const GumboNode* node;
        unsigned next;
    };
    std::vector<Frame> stack;
    if (!enter(root)) return;
    stack.push_back({root, 0});
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboVector* kids = nullptr;
        if (f.node->type == GUMBO_NODE_ELEMENT || f.node->type == GUMBO_NODE_TEMPLATE) kids = &f.node->v.element.children;
        else if (f.node->type == GUMBO_NODE_DOCUMENT) kids = &f.node->v.document.children;
        if (!kids || f.next >= kids->length) {
            const GumboNode* done = f.node;
            stack.pop_back();
            leave(done);
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
        if (enter(child)) stack.push_back({child, 0});
    }
}

/// The text under @p n, whitespace collapsed, without skipped subtrees.
std::string text_of(const GumboNode* n) {
    std::string out;
    walk(
        n,
        [&](const GumboNode* c) {
            if (c != n && is_skipped(c)) return false;
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) out += c->v.text.text;
            else if (is_element(c) && c->v.element.tag == GUMBO_TAG_BR) out += ' ';
            return true;
        },
        [](const GumboNode*) {});
    return collapse(out);
}

/// The raw text children of an element (a <script>'s source).
std::string raw_text_of(const GumboNode* n) {
    std::string out;
    if (!is_element(n)) return out;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(kids.data[i]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) out += c->v.text.text;
    }
    return out;
}

bool looks_like_url(std::string_view s) {
    std::string l = lower_ascii(s);
    return l.starts_with("http://") || l.starts_with("https://") || l.starts_with("//") || l.starts_with("www.") ||
           l.starts_with("/");
}

/// What the page says about itself, gathered in one walk.
struct Page {
    std::map<std::string, std::vector<std::string>> meta;  ///< lower-case property/name/itemprop -> contents
    std::string title_tag, first_h1, lang, canonical;
    std::vector<std::string> rel_authors;
    std::vector<std::string> jsonld;
    std::vector<const GumboNode*> articles, mains;
    const GumboNode* body = nullptr;
};

Page scan(const GumboOutput* out) {
    Page p;
    if (out->root && is_element(out->root)) {
        p.lang = attr_str(out->root, "lang");
        if (p.lang.empty()) p.lang = attr_str(out->root, "xml:lang");
    }
    int in_svg = 0;
    walk(
        out->document,
        [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_TEMPLATE) return false;
            if (!is_element(n)) return true;
            const GumboElement& e = n->v.element;
            if (e.tag_namespace != GUMBO_NAMESPACE_HTML) {
                ++in_svg;  // an <svg><title> is no page title
                return true;
            }
            if (in_svg) return true;
            switch (e.tag) {
            case GUMBO_TAG_META: {
                std::string content = collapse(attr_str(n, "content"));
                if (content.empty()) break;
                for (const char* key : {"property", "name", "itemprop"})
                    if (const char* k = attr(n, key)) p.meta[lower_ascii(collapse(k))].push_back(content);
                break;
            }
            case GUMBO_TAG_TITLE:
                if (p.title_tag.empty()) p.title_tag = text_of(n);
                break;
            case GUMBO_TAG_H1:
                if (p.first_h1.empty()) p.first_h1 = text_of(n);
                break;
            case GUMBO_TAG_LINK:
                if (has_token(attr_str(n, "rel"), "canonical") && p.canonical.empty()) p.canonical = collapse(attr_str(n, "href"));
                break;
            case GUMBO_TAG_A:
                if (has_token(attr_str(n, "rel"), "author"))
                    if (std::string t = text_of(n); !t.empty()) p.rel_authors.push_back(t);
                break;
            case GUMBO_TAG_SCRIPT:
                if (lower_ascii(collapse(attr_str(n, "type"))) == "application/ld+json") p.jsonld.push_back(raw_text_of(n));
                return false;
            case GUMBO_TAG_STYLE: return false;
            case GUMBO_TAG_ARTICLE: p.articles.push_back(n); break;
            case GUMBO_TAG_MAIN: p.mains.push_back(n); break;
            case GUMBO_TAG_BODY:
                if (!p.body) p.body = n;
                break;
            default: break;
            }
            return true;
        },
        [&](const GumboNode* n) {
            if (is_element(n) && n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) --in_svg;
        });
    return p;
}

/// --- JSON-LD -------------------------------------------------------------------------

std::string json_str(const json& o, const char* key) {
    if (!o.is_object()) return {};
    auto it = o.find(key);
    if (it == o.end()) return {};
    if (it->is_string()) return collapse(it->get<std::string>());
    return {};
}

void collect_objects(const json& j, std::vector<const json*>& out, int depth) {
    if (depth > 16 || out.size() > 1000) return;
    if (j.is_array()) {
        for (const json& v : j) collect_objects(v, out, depth + 1);
    } else if (j.is_object()) {
        out.push_back(&j);
        if (auto it = j.find("@graph"); it != j.end()) collect_objects(*it, out, depth + 1);
    }
}

bool has_type(const json& o, std::initializer_list<std::string_view> types) {
    auto it = o.find("@type");
    if (it == o.end()) return false;
    auto match = [&](const json& t) {
        if (!t.is_string()) return false;
        std::string s = t.get<std::string>();
        if (std::size_t slash = s.rfind('/'); slash != std::string::npos) s = s.substr(slash + 1);  // http://schema.org/X
        return std::find(types.begin(), types.end(), s) != types.end();
    };
    if (it->is_array()) return std::any_of(it->begin(), it->end(), match);
    return match(*it);
}

struct LinkedData {
    std::string headline, date, publisher;
    std::vector<std::string> authors;
};

LinkedData read_jsonld(const std::vector<std::string>& blocks) {
    LinkedData ld;
    std::vector<json> docs;
    for (const std::string& b : blocks) {
        std::string_view s = b;
        // Some sites wrap the JSON in an HTML comment or CDATA section.
        while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
        if (s.starts_with("<!--")) s.remove_prefix(4);
        if (s.starts_with("//<![CDATA[")) s.remove_prefix(11);
        std::size_t end = s.find_last_of("}]");
        if (end == std::string_view::npos) continue;
        s = s.substr(0, end + 1);
        json j = json::parse(s, nullptr, /*allow_exceptions=*/false);
        if (!j.is_discarded()) docs.push_back(std::move(j));
    }
    std::vector<const json*> objects;
    for (const json& d : docs) collect_objects(d, objects, 0);
    std::unordered_map<std::string, const json*> by_id;
    for (const json* o : objects)
        if (std::string oid = json_str(*o, "@id"); !oid.empty()) by_id.emplace(oid, o);
    auto resolve = [&](const json& v) -> const json& {
        if (v.is_object() && !v.contains("name"))
            if (std::string ref = json_str(v, "@id"); !ref.empty())
                if (auto it = by_id.find(ref); it != by_id.end()) return *it->second;
        return v;
    };
    auto name_of = [&](const json& v) -> std::string {
        if (v.is_string()) return collapse(v.get<std::string>());
        return json_str(resolve(v), "name");
    };
    const json* article = nullptr;
    for (const json* o : objects)
        if (has_type(*o, {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                          "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle",
                          "BlogPosting", "LiveBlogPosting", "Report", "TechArticle", "ScholarlyArticle"})) {
            article = o;
            break;
        }
    if (!article) return ld;
    ld.headline = json_str(*article, "headline");
    if (ld.headline.empty()) ld.headline = json_str(*article, "name");
    ld.date = json_str(*article, "datePublished");
    if (ld.date.empty()) ld.date = json_str(*article, "dateCreated");
    if (auto it = article->find("author"); it != article->end()) {
        if (it->is_array()) {
            for (const json& v : *it)
                if (std::string n = name_of(v); !n.empty()) ld.authors.push_back(n);
        } else if (std::string n = name_of(*it); !n.empty()) {
            ld.authors.push_back(n);
        }
    }
    if (auto it = article->find("publisher"); it != article->end()) {
        const json& pub = it->is_array() && !it->empty() ? (*it)[0] : *it;
        ld.publisher = name_of(pub);
    }
    return ld;
}

/// --- the body -------------------------------------------------------------------------

/// Length of paragraph text per element (a <p>'s parent gets its length, the grandparent
/// half of it), in document order; skipped subtrees are left out.
std::vector<std::pair<const GumboNode*, std::size_t>> paragraph_weight(const GumboNode* body) {
    std::vector<std::pair<const GumboNode*, std::size_t>> w;
    std::unordered_map<const GumboNode*, std::size_t> index;
    auto add = [&](const GumboNode* n, std::size_t len) {
        auto [it, fresh] = index.emplace(n, w.size());
        if (fresh) w.emplace_back(n, 0);
        w[it->second].second += len;
    };
    walk(
        body,
        [&](const GumboNode* n) {
            if (is_skipped(n) || (n != body && is_furniture(n))) return false;
            if (is_element(n) && n->v.element.tag == GUMBO_TAG_P) {
                std::size_t len = text_of(n).size();
                if (const GumboNode* parent = n->parent) {
                    add(parent, len);
                    if (parent != body && parent->parent) add(parent->parent, len / 2);
                }
                return false;
            }
            return true;
        },
        [](const GumboNode*) {});
    return w;
}

/// Length of the paragraph (<p>) text inside @p n.
std::size_t p_text(const GumboNode* n) {
    std::size_t total = 0;
    walk(
        n,
        [&](const GumboNode* c) {
            if (c != n && (is_skipped(c) || is_furniture(c))) return false;
            if (is_element(c) && c->v.element.tag == GUMBO_TAG_P) {
                total += text_of(c).size();
                return false;
            }
            return true;
        },
        [](const GumboNode*) {});
    return total;
}

/// The element holding the article: the <article> with most paragraph text, else such a
/// <main>, else the element whose paragraphs (children, and half of grandchildren) weigh
/// most; without any paragraph, the first <article>, <main> or the <body>.
const GumboNode* pick_root(const Page& page) {
    auto best_of = [](const std::vector<const GumboNode*>& nodes) -> const GumboNode* {
        const GumboNode* best = nullptr;
        std::size_t best_len = 0;
        for (const GumboNode* n : nodes)
            if (std::size_t len = p_text(n); len > best_len) best = n, best_len = len;
        return best;
    };
    if (const GumboNode* a = best_of(page.articles)) return a;
    if (const GumboNode* m = best_of(page.mains)) return m;
    if (page.body) {
        const GumboNode* best = nullptr;
        std::size_t best_len = 0;
        for (const auto& [node, len] : paragraph_weight(page.body))
            if (len > best_len) best = node, best_len = len;
        if (best) return best;
    }
    if (!page.articles.empty()) return page.articles.front();
    if (!page.mains.empty()) return page.mains.front();
    return page.body;
}

/// How strictly paragraphs_of leaves out what is not article text.
enum class Keep {
    Article,      ///< no skipped elements (is_skipped), no furniture (is_furniture)
    WithClasses,  ///< no skipped elements; furniture classes kept
    Paragraphs,   ///< the text of every <p>, only code (is_code) left out: the last resort
                  ///< for a page so broken that its article sits inside a <header> or <form>
};

/// The paragraphs under @p root.
std::vector<std::string> paragraphs_of(const GumboNode* root, Keep keep) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string p = collapse(cur);
        if (!p.empty()) out.push_back(std::move(p));
        cur.clear();
    };
    auto is_p = [](const GumboNode* n) { return is_element(n) && n->v.element.tag == GUMBO_TAG_P; };
    int in_p = 0;  // Keep::Paragraphs takes text inside <p> only
    walk(
        root,
        [&](const GumboNode* n) {
            if (n != root) {
                if (keep == Keep::Paragraphs ? is_code(n) : is_skipped(n)) return false;
                if (keep == Keep::Article && is_furniture(n)) return false;
            }
            if (is_p(n)) ++in_p;
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
                if (keep != Keep::Paragraphs || in_p > 0) cur += n->v.text.text;
            } else if (is_element(n) && is_block(n->v.element.tag)) {
                flush();
            }
            return true;
        },
        [&](const GumboNode* n) {
            if (is_p(n)) --in_p;
            if (is_element(n) && is_block(n->v.element.tag)) flush();
        });
    flush();
    return out;
}

std::string first_date(const std::vector<std::string>& candidates) {
    for (const std::string& c : candidates)
        if (auto d = date::parse(c)) return *d;
    return {};
}

std::string primary_language(std::string_view tag) {
    std::string l = lower_ascii(collapse(tag));
    l = l.substr(0, l.find_first_of("-_"));
    if (l.size() < 2 || l.size() > 3) return {};
    for (char c : l)
        if (c < 'a' || c > 'z') return {};
    return l;
}

void add_author(std::vector<std::string>& authors, std::string name) {
    name = collapse(name);
    if (name.empty() || name.size() > 100 || looks_like_url(name)) return;
    std::string l = lower_ascii(name);
    for (const std::string& a : authors)
        if (lower_ascii(a) == l) return;
    authors.push_back(std::move(name));
}

/// How deep the elements of @p html nest, estimated from its tags (void elements, elements
/// whose end tag may be left out, comments and script/style contents aside). gumbo's tree
/// building slows down with the cube of the depth (40,000 nested <div>s take 5 s, 200,000
/// minutes), so pages nested deeper than any real one are refused before parsing.
std::size_t nesting_depth(std::string_view html) {
    const std::string lower = lower_ascii(html);
    const std::string_view s = lower;
    static constexpr std::array<std::string_view, 38> no_depth = {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame", "image",
        // end tag optional: closed by the parser when the next one opens
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html"};
    std::size_t depth = 0, deepest = 0, i = 0;
    while ((i = s.find('<', i)) != std::string_view::npos) {
        if (s.substr(i, 4) == "<!--") {
            std::size_t e = s.find("-->", i + 4);
            i = e == std::string_view::npos ? s.size() : e + 3;
            continue;
        }
        bool closing = i + 1 < s.size() && s[i + 1] == '/';
        std::size_t b = i + 1 + (closing ? 1 : 0), e = b;
        while (e < s.size() && std::isalnum(static_cast<unsigned char>(s[e]))) ++e;
        if (e == b) {
            ++i;
            continue;
        }
        std::string_view name = s.substr(b, e - b);
        std::size_t gt = s.find('>', e);
        if (gt == std::string_view::npos) break;
        i = gt + 1;
        if (!closing && (name == "script" || name == "style" || name == "textarea" || name == "xmp")) {
            std::string close = "</";
            close += name;
            std::size_t c = s.find(close, i);
            i = c == std::string_view::npos ? s.size() : c;
            continue;
        }
        if (name == "head" || name == "body" ||
            std::find(no_depth.begin(), no_depth.end(), name) != no_depth.end() || s[gt - 1] == '/')
            continue;
        if (closing) {
            if (depth) --depth;
        } else {
            deepest = std::max(deepest, ++depth);
        }
    }
    return deepest;
}

constexpr std::size_t kMaxNesting = 4096;

struct GumboDeleter {
    void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

Article read_html(const std::string& content, const std::string& path, const std::string& id) {
    if (std::size_t depth = nesting_depth(content); depth > kMaxNesting)
        throw ReadError("HTML elements nest " + std::to_string(depth) + " levels deep (more than " +
                        std::to_string(kMaxNesting) + "): not parsed");
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // parse errors are not reported: broken HTML is the norm
    std::unique_ptr<GumboOutput, GumboDeleter> out(gumbo_parse_with_options(&options, content.data(), content.size()));
    if (!out || !out->document) throw ReadError("the HTML parser failed");
    const Page page = scan(out.get());
    LinkedData ld;
    try {
        ld = read_jsonld(page.jsonld);
    } catch (const std::exception&) {
        ld = LinkedData{};  // JSON-LD is a hint: a block we cannot read is ignored
    }
    auto meta = [&](std::initializer_list<const char*> keys) -> std::vector<std::string> {
        std::vector<std::string> v;
        for (const char* k : keys)
            if (auto it = page.meta.find(k); it != page.meta.end()) v.insert(v.end(), it->second.begin(), it->second.end());
        return v;
    };
    auto first_meta = [&](std::initializer_list<const char*> keys) -> std::string {
        auto v = meta(keys);
        return v.empty() ? std::string() : v.front();
    };

    Article a;
    a.path = path;
    a.id = id;
    a.source = first_meta({"og:site_name"});
    if (a.source.empty()) a.source = ld.publisher;

    a.title = first_meta({"og:title"});
    if (a.title.empty()) a.title = ld.headline;
    if (a.title.empty()) {
        a.title = page.title_tag;
        // "Headline | Site" / "Headline - Site": the site is no part of the headline.
        if (!a.source.empty())
            for (std::string_view sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: "}) {
                std::string tail = std::string(sep) + a.source;
                if (a.title.size() > tail.size() && a.title.ends_with(tail)) {
                    a.title.resize(a.title.size() - tail.size());
                    break;
                }
            }
    }
    if (a.title.empty()) a.title = page.first_h1;

    const GumboNode* root = pick_root(page);
    std::vector<std::string> dates = meta({"article:published_time", "date", "pubdate", "publishdate", "publish-date",
                                           "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
                                           "datepublished"});
    if (!ld.date.empty()) dates.push_back(ld.date);
    if (root)
        walk(
            root,
            [&](const GumboNode* n) {
                if (is_element(n) && n->v.element.tag == GUMBO_TAG_TIME)
                    if (const char* dt = attr(n, "datetime")) dates.emplace_back(dt);
                return true;
            },
            [](const GumboNode*) {});
    a.date = first_date(dates);

    a.url = page.canonical;
    if (a.url.empty()) a.url = first_meta({"og:url"});
    std::string lang = primary_language(page.lang);
    if (lang.empty()) lang = primary_language(first_meta({"og:locale"}));
    if (!lang.empty()) a.language = lang;

    for (const std::string& v : meta({"author"}))
        if (!looks_like_url(v))
            for (std::string& n : split_names(v)) add_author(a.authors, std::move(n));
    for (const std::string& v : meta({"article:author"})) add_author(a.authors, v);
    for (const std::string& n : ld.authors) add_author(a.authors, n);
    for (const std::string& n : page.rel_authors)
        for (std::string& name : split_names(n)) add_author(a.authors, std::move(name));

    // The article's paragraphs; when that leaves no text, the same with furniture classes
    // kept ("has-sidebar" on a wrapper, a share bar whose end tag was lost), then the <p>
    // text of the whole page (an article that ended up inside a <header> or <form>).
    for (Keep keep : {Keep::Article, Keep::WithClasses, Keep::Paragraphs}) {
        const GumboNode* from = keep == Keep::Paragraphs ? (page.body ? page.body : out->root) : root;
        if (!from) continue;
        std::vector<std::string> paragraphs = paragraphs_of(from, keep);
        // The headline repeated at the top of the article is not body text.
        for (std::size_t i = 0; i < paragraphs.size() && i < 3; ++i)
            if (!a.title.empty() && paragraphs[i] == a.title) {
                paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
                break;
            }
        if (std::all_of(paragraphs.begin(), paragraphs.end(), [](const std::string& p) { return extract::is_boilerplate(p); }))
            continue;
        a.text = join_paragraphs(paragraphs);
        a.structure_guessed = true;
        return a;
    }
    throw ReadError("HTML page has no article text");
}

}  // namespace news::readers
