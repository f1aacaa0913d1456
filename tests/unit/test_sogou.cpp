/// @file
/// @brief The SogouCS / SogouCA reader: <doc> records, GBK decoding, paragraph marks, bad records.
/// Every record here is written for this test (fictional news).
#include "indexer/readers/reader.h"
#include "indexer/readers/sogou_reader.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace news;
using namespace news::readers;

namespace {

using Errors = std::vector<std::pair<std::size_t, std::string>>;

/// One record, fields in the collection's order and layout (each on its own line).
std::string doc(const std::string& url, const std::string& docno, const std::string& title, const std::string& content) {
    return "<doc>\n<url>" + url + "</url>\n<docno>" + docno + "</docno>\n<contenttitle>" + title +
           "</contenttitle>\n<content>" + content + "</content>\n</doc>\n";
}

const std::string kPara = "\xEE\x90\x8C";  // U+E40C, SogouCS's paragraph mark
const std::string kIdeo = "\xE3\x80\x80";  // U+3000, ideographic space

std::vector<Article> sogou(const std::string& content, Errors& errors) { return read_sogou(content, "a/b.dat", "a/b.dat", errors); }

// The GBK (GB18030) bytes of a two-record file with the <doclist> wrapper, as the tensite
// dump has it. In UTF-8 the fields read:
//   title 1: 港口渡轮周一恢复航行　乘客排队登船   (an ideographic space in the middle)
//   content 1: 本报讯（记者林晓）港口渡轮周一恢复航行。<U+E40C>码头工人说：“我们等了一周。”<U+E40C>票价不变，全天共１２班。
//   title 2: 茶叶出口价格上涨, content 2 empty (a title-only record)
const std::string kGbkFile =
    "<doclist>\n<doc>\n<url>http://news.sohu.com/20240115/n900000001.shtml</url>\n"
    "<docno>0a1b2c3d4e5f6071-8293a4b5c6d7e8f9</docno>\n"
    "<contenttitle>\xB8\xDB\xBF\xDA\xB6\xC9\xC2\xD6\xD6\xDC\xD2\xBB\xBB\xD6\xB8\xB4\xBA\xBD\xD0\xD0\xA1\xA1\xB3\xCB\xBF"
    "\xCD\xC5\xC5\xB6\xD3\xB5\xC7\xB4\xAC</contenttitle>\n"
    "<content>\xB1\xBE\xB1\xA8\xD1\xB6\xA3\xA8\xBC\xC7\xD5\xDF\xC1\xD6\xCF\xFE\xA3\xA9\xB8\xDB\xBF\xDA\xB6\xC9\xC2\xD6"
    "\xD6\xDC\xD2\xBB\xBB\xD6\xB8\xB4\xBA\xBD\xD0\xD0\xA1\xA3\xFD\xA3\xC2\xEB\xCD\xB7\xB9\xA4\xC8\xCB\xCB\xB5\xA3\xBA"
    "\xA1\xB0\xCE\xD2\xC3\xC7\xB5\xC8\xC1\xCB\xD2\xBB\xD6\xDC\xA1\xA3\xA1\xB1\xFD\xA3\xC6\xB1\xBC\xDB\xB2\xBB\xB1\xE4"
    "\xA3\xAC\xC8\xAB\xCC\xEC\xB9\xB2\xA3\xB1\xA3\xB2\xB0\xE0\xA1\xA3</content>\n</doc>\n"
    "<doc>\n<url>http://biz.cn.yahoo.com/ypen/20240116/900002.html</url>\n"
    "<docno>1111222233334444-5555666677778888</docno>\n"
    "<contenttitle>\xB2\xE8\xD2\xB6\xB3\xF6\xBF\xDA\xBC\xDB\xB8\xF1\xC9\xCF\xD5\xC7</contenttitle>\n"
    "<content></content>\n</doc>\n</doclist>\n";

}  // namespace

TEST_CASE("read_sogou fills each field of a record", "[sogou]") {
    Errors errors;
    const auto a = sogou(doc("http://news.sohu.com/20240115/n900000001.shtml", "0a1b2c3d4e5f6071-8293a4b5c6d7e8f9",
                             "港口渡轮周一恢复航行" + kIdeo + "乘客排队登船",
                             "本报讯" + kIdeo + "记者林晓" + kIdeo + "港口渡轮周一恢复航行。" + kPara + "码头工人说：“我们等了一周。”"),
                         errors);
    CHECK(errors.empty());
    REQUIRE(a.size() == 1);
    CHECK(a[0].id == "0a1b2c3d4e5f6071-8293a4b5c6d7e8f9");
    CHECK(a[0].url == "http://news.sohu.com/20240115/n900000001.shtml");
    CHECK(a[0].title == "港口渡轮周一恢复航行" + kIdeo + "乘客排队登船");
    // The paragraph mark becomes a blank line; the ideographic spaces stay as written.
    CHECK(a[0].text == "本报讯" + kIdeo + "记者林晓" + kIdeo + "港口渡轮周一恢复航行。\n\n码头工人说：“我们等了一周。”");
    CHECK(a[0].source == "Sohu");
    CHECK(a[0].date == "2024-01-15");  // the url's /YYYYMMDD/ segment
    CHECK(a[0].language == "zh");
    CHECK(a[0].path == "a/b.dat");
    CHECK(a[0].line == 1);
    CHECK(a[0].authors.empty());
    CHECK(a[0].dateline.empty());
}

TEST_CASE("read_sogou keeps every character of the content", "[sogou]") {
    // Full-width letters and digits, a raw '<' and '&' (no escaping in these files), a
    // boilerplate-looking line: all kept. Only the paragraph marks turn into blank lines.
    const std::string body = "ＶＩＰ车厢票价１２元" + kIdeo + "a < b & c" + kPara + "Advertisement" + kPara + kIdeo + "下一段。";
    Errors errors;
    const auto a = sogou(doc("http://www.example.com.cn/news/1.html", "d1", "标题", body), errors);
    REQUIRE(a.size() == 1);
    CHECK(a[0].text == "ＶＩＰ车厢票价１２元" + kIdeo + "a < b & c\n\nAdvertisement\n\n" + kIdeo + "下一段。");
    CHECK(a[0].source == "example.com.cn");
    CHECK(a[0].date.empty());  // no /YYYYMMDD/ in the url: never invented
}

TEST_CASE("read_file_content decodes a GBK Sogou file", "[sogou]") {
    const ReadResult r = read_file_content(Format::Sogou, kGbkFile, "x/news.dat", "x/news.dat");
    CHECK(r.encoding == "GB18030");
    CHECK(r.errors.empty());
    REQUIRE(r.articles.size() == 2);
    const Article& a = r.articles[0];
    CHECK(a.id == "0a1b2c3d4e5f6071-8293a4b5c6d7e8f9");
    CHECK(a.title == "港口渡轮周一恢复航行" + kIdeo + "乘客排队登船");
    CHECK(a.text == "本报讯（记者林晓）港口渡轮周一恢复航行。\n\n码头工人说：“我们等了一周。”\n\n票价不变，全天共１２班。");
    CHECK(a.encoding == "GB18030");
    CHECK(a.line == 2);
    // The second record has a title and empty content: a title-only article.
    const Article& b = r.articles[1];
    CHECK(b.id == "1111222233334444-5555666677778888");
    CHECK(b.title == "茶叶出口价格上涨");
    CHECK(b.text.empty());
    CHECK(b.source == "Yahoo China");
    CHECK(b.date == "2024-01-16");
    CHECK(b.line == 8);
}

TEST_CASE("read_file_content reads a UTF-8 Sogou file as UTF-8", "[sogou]") {
    const ReadResult r = read_file_content(Format::Sogou, doc("http://gongyi.sohu.com/20240301/n1.shtml", "e1", "志愿者", "植树。"),
                                           "u.dat", "u.dat");
    CHECK(r.encoding == "UTF-8");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "志愿者");
}

TEST_CASE("read_sogou reads two records and numbers records without a docno", "[sogou]") {
    Errors errors;
    const std::string file = doc("http://news.sohu.com/20240101/n1.shtml", "aaaa-0001", "第一条", "内容一。") +
                             doc("http://news.sohu.com/s2024/topic/", "", "第二条", "内容二。");
    const auto a = sogou(file, errors);
    CHECK(errors.empty());
    REQUIRE(a.size() == 2);
    CHECK(a[0].id == "aaaa-0001");
    CHECK(a[0].line == 1);
    CHECK(a[1].id == "a/b.dat#2");  // no docno: the file's id and the record's number
    CHECK(a[1].line == 7);
    CHECK(a[1].title == "第二条");
    CHECK(a[1].date.empty());
}

TEST_CASE("read_sogou reports a broken record and goes on", "[sogou]") {
    const std::string good1 = doc("http://news.sohu.com/20240102/n2.shtml", "good-1", "好一", "正文一。");
    const std::string unclosed = "<doc>\n<url>http://news.sohu.com/x</url>\n<docno>bad-1</docno>\n<contenttitle>坏</contenttitle>\n"
                                 "<content>没有结尾</content>\n";  // no </doc> before the next <doc>
    const std::string no_content = "<doc>\n<url>http://news.sohu.com/y</url>\n<docno>bad-2</docno>\n<contenttitle>无正文"
                                   "</contenttitle>\n</doc>\n";
    const std::string empty = doc("http://news.sohu.com/z", "bad-3", kIdeo, " ");
    const std::string open_title = "<doc>\n<docno>bad-4</docno>\n<contenttitle>标题没有关\n<content>正文。</content>\n</doc>\n";
    const std::string again = doc("http://news.sohu.com/20240102/n2b.shtml", "good-1", "重复", "同一个编号。");
    const std::string good2 = doc("http://news.sohu.com/20240103/n3.shtml", "good-2", "好二", "正文二。");
    Errors errors;
    const auto a = sogou(good1 + unclosed + no_content + empty + open_title + again + good2, errors);
    REQUIRE(a.size() == 2);
    CHECK(a[0].id == "good-1");
    CHECK(a[1].id == "good-2");
    CHECK(a[1].line == 34);
    REQUIRE(errors.size() == 5);
    CHECK(errors[0] == std::pair<std::size_t, std::string>{7, "record not closed: no </doc> before the next <doc>"});
    CHECK(errors[1] == std::pair<std::size_t, std::string>{12, "no <content> element"});
    CHECK(errors[2] == std::pair<std::size_t, std::string>{17, "neither title nor content"});
    CHECK(errors[3] == std::pair<std::size_t, std::string>{23, "<contenttitle> not closed"});
    CHECK(errors[4] == std::pair<std::size_t, std::string>{28, "docno good-1 already seen at line 1"});

    // A record cut off by the end of the file.
    Errors tail;
    const auto b = sogou(good1 + "<doc>\n<docno>cut</docno>\n<content>半", tail);
    CHECK(b.size() == 1);
    REQUIRE(tail.size() == 1);
    CHECK(tail[0] == std::pair<std::size_t, std::string>{7, "record not closed: no </doc> before the end of the file"});
}

TEST_CASE("read_sogou refuses a file without records", "[sogou]") {
    Errors errors;
    CHECK_THROWS_AS(sogou("<doclist>\n</doclist>\n", errors), ReadError);
    CHECK_THROWS_AS(sogou("just some text", errors), ReadError);
    CHECK_THROWS_AS(read_file_content(Format::Sogou, "<doclist></doclist>", "e.dat", "e.dat"), ReadError);
}

TEST_CASE("sogou_source names the site of a url", "[sogou]") {
    CHECK(sogou_source("http://news.sohu.com/20240101/n1.shtml") == "Sohu");
    CHECK(sogou_source("http://club.news.sohu.com/r-help-1.html") == "Sohu");
    CHECK(sogou_source("http://news.cn.yahoo.com/ypen/20240101/1.html?f=E1") == "Yahoo China");
    CHECK(sogou_source("http://news.sina.com.cn/c/2024-01-01/1.shtml") == "Sina");
    CHECK(sogou_source("HTTP://WWW.Example.ORG:8080/a") == "example.org");
    CHECK(sogou_source("http://notsohu.com/a") == "notsohu.com");
    CHECK(sogou_source("no url").empty());
    CHECK(sogou_source("").empty());
}

TEST_CASE("format_of looks inside .dat files", "[sogou]") {
    CHECK(looks_like_sogou("<doc>\n<url>"));
    CHECK(looks_like_sogou("\xEF\xBB\xBF  \r\n<doclist>\n<doc>"));
    CHECK_FALSE(looks_like_sogou("<document>"));
    CHECK_FALSE(looks_like_sogou("x <doc>"));
    CHECK_FALSE(looks_like_sogou(""));

    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("news-sogou-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return dir / name;
    };
    CHECK(format_of(write("news.dat", "\n<doc>\n<url>u</url>\n")) == Format::Sogou);
    CHECK(format_of(write("WRAPPED.DAT", kGbkFile)) == Format::Sogou);
    CHECK(format_of(write("table.dat", "1 2 3\n4 5 6\n")) == Format::Unknown);  // .dat is generic
    CHECK(format_of(write("empty.dat", "")) == Format::Unknown);
    CHECK(format_of(dir / "absent.dat") == Format::Sogou);  // reading it will tell the error
    CHECK(format_of(write("news.txt", "<doc>")) == Format::Text);
    fs::remove_all(dir);
}
