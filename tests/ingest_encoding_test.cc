// Encoding detection and repair (ingest/encoding.h). Inputs are byte strings built here, so
// each test states exactly which bytes a scraper could have saved.
#include <gtest/gtest.h>

#include <string>

#include "ingest/encoding.h"

namespace recoupe::ingest {
namespace {

using namespace std::string_literals;

// UTF-16 code units of an ASCII/Latin-1 string, in the given byte order.
std::string utf16(const std::u16string& s, bool little_endian) {
  std::string out;
  for (char16_t c : s) {
    char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

std::string utf32(const std::u32string& s, bool little_endian) {
  std::string out;
  for (char32_t c : s) {
    char b[4] = {static_cast<char>(c & 0xFF), static_cast<char>((c >> 8) & 0xFF),
                 static_cast<char>((c >> 16) & 0xFF), static_cast<char>(c >> 24)};
    if (little_endian)
      out.append(b, 4);
    else
      out += std::string{b[3], b[2], b[1], b[0]};
  }
  return out;
}

Decoded decode(std::string_view bytes, std::string_view declared = {}) {
  auto d = decode_to_utf8(bytes, declared);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  return d.ok() ? *d : Decoded{};
}

TEST(DecodeToUtf8, PlainUtf8PassesThrough) {
  auto d = decode("Kim Jong-un à Vostotchny, 13 septembre");
  EXPECT_EQ(d.text, "Kim Jong-un à Vostotchny, 13 septembre");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_FALSE(d.repaired_mojibake);
}

TEST(DecodeToUtf8, EmptyInputIsEmptyText) { EXPECT_EQ(decode("").text, ""); }

TEST(DecodeToUtf8, Utf8BomIsRemoved) {
  auto d = decode(
      "\xEF\xBB\xBF"
      "café");
  EXPECT_EQ(d.text, "café");
  EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(DecodeToUtf8, Utf16WithBom) {
  std::u16string text = u"Été à Moscou — 2023";
  auto le = decode("\xFF\xFE"s + utf16(text, true));
  EXPECT_EQ(le.text, "Été à Moscou — 2023");
  EXPECT_EQ(le.encoding, "UTF-16LE");
  auto be = decode("\xFE\xFF"s + utf16(text, false));
  EXPECT_EQ(be.text, "Été à Moscou — 2023");
  EXPECT_EQ(be.encoding, "UTF-16BE");
}

TEST(DecodeToUtf8, Utf16SurrogatePairsWithBom) {
  auto d = decode("\xFF\xFE"s + utf16(u"ok \U0001F600 ok", true));
  EXPECT_EQ(d.text, "ok \U0001F600 ok");
}

TEST(DecodeToUtf8, Utf32WithBom) {
  std::u32string text = U"Путин и Ким \U0001F600";
  auto le = decode(utf32(U"\uFEFF" + text, true));
  EXPECT_EQ(le.text, "Путин и Ким \U0001F600");
  EXPECT_EQ(le.encoding, "UTF-32LE");
  auto be = decode(utf32(U"\uFEFF" + text, false));
  EXPECT_EQ(be.text, "Путин и Ким \U0001F600");
  EXPECT_EQ(be.encoding, "UTF-32BE");
}

TEST(DecodeToUtf8, Utf16WithoutBomIsSniffed) {
  std::u16string text = u"The summit took place at the Vostochny cosmodrome.";
  auto le = decode(utf16(text, true));
  EXPECT_EQ(le.text, "The summit took place at the Vostochny cosmodrome.");
  EXPECT_EQ(le.encoding, "UTF-16LE");
  auto be = decode(utf16(text, false));
  EXPECT_EQ(be.text, "The summit took place at the Vostochny cosmodrome.");
  EXPECT_EQ(be.encoding, "UTF-16BE");
}

TEST(DecodeToUtf8, Windows1252) {
  // é=E9, curly quotes 93/94, € at 0x80, apostrophe 92: bytes 0x80–0x9F prove cp1252.
  auto d = decode(
      "caf\xE9 \x93"
      "cit\xE9\x94, l\x92"
      "\xE9t\xE9, 12 \x80");
  EXPECT_EQ(d.text, "café “cité”, l’été, 12 €");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecodeToUtf8, Iso88591DeclaredIsReadAsWindows1252) {
  // Browsers read a latin-1 label as windows-1252; 0x92 is then an apostrophe.
  auto d = decode(
      "L\x92"
      "arm\xE9"
      "e fran\xE7"
      "aise",
      "ISO-8859-1");
  EXPECT_EQ(d.text, "L’armée française");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecodeToUtf8, Iso88591UndeclaredLettersOnly) {
  auto d = decode(
      "Der Gipfel fand in Wladiwostok statt, sagte der Sprecher gegen\xFC"
      "ber "
      "der Presse. Gr\xFC\xDF"
      "e aus M\xFCnchen.");
  EXPECT_EQ(d.text,
            "Der Gipfel fand in Wladiwostok statt, sagte der Sprecher gegenüber der Presse. "
            "Grüße aus München.");
}

TEST(DecodeToUtf8, Iso885915EuroBetweenDigitsAndSpaces) {
  // 0xA4 after an amount: € in ISO-8859-15 (cp1252's ¤ is never written so).
  auto d = decode("Le billet co\xFBte 12 \xA4 et le menu 8\xA4.");
  EXPECT_EQ(d.text, "Le billet coûte 12 € et le menu 8€.");
  EXPECT_EQ(d.encoding, "iso-8859-15");
}

TEST(DecodeToUtf8, Iso885915LigatureBetweenLetters) {
  auto d = decode("Au c\xBDur de l'\xE9t\xE9, les \xBDuvres");
  EXPECT_EQ(d.text, "Au cœur de l'été, les œuvres");
  EXPECT_EQ(d.encoding, "iso-8859-15");
}

TEST(DecodeToUtf8, Iso885915DeclaredIsObeyed) {
  EXPECT_EQ(decode("prix: \xA4"
                   "5",
                   "iso-8859-15")
                .text,
            "prix: €5");
}

TEST(DecodeToUtf8, DeclaredLatin1WithEuroEvidenceBecomes885915) {
  EXPECT_EQ(decode("co\xFBt: 30 \xA4", "iso-8859-1").text, "coût: 30 €");
}

TEST(DecodeToUtf8, Cp1252BytesOverrule885915Evidence) {
  // 0x80–0x9F bytes exist only in cp1252, so 0xA4 stays ¤ there.
  auto d = decode("\x93quoted\x94 12 \xA4");
  EXPECT_EQ(d.text, "“quoted” 12 ¤");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecodeToUtf8, ExplicitWindows1252LabelKeepsCurrencySign) {
  EXPECT_EQ(decode("co\xFBt: 30 \xA4", "windows-1252").text, "coût: 30 ¤");
}

TEST(DecodeToUtf8, ValidUtf8WinsOverADeclaredLegacyCharset) {
  auto d = decode("café crème", "iso-8859-1");
  EXPECT_EQ(d.text, "café crème");
  EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(DecodeToUtf8, DeclaredCyrillicCharsets) {
  // "Привет, мир" in windows-1251 and KOI8-R.
  EXPECT_EQ(decode("\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0", "windows-1251").text, "Привет, мир");
  EXPECT_EQ(decode("\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2", "koi8-r").text, "Привет, мир");
}

TEST(DecodeToUtf8, DeclaredCentralEuropean) {
  // Polish "Łódź" in windows-1250 and ISO-8859-2 (they differ on ź: 0x9F vs 0xBC).
  EXPECT_EQ(decode("\xA3\xF3"
                   "d\x9F",
                   "windows-1250")
                .text,
            "Łódź");
  EXPECT_EQ(decode("\xA3\xF3"
                   "d\xBC",
                   "iso-8859-2")
                .text,
            "Łódź");
}

TEST(DecodeToUtf8, UndeclaredCentralEuropean) {
  // Polish "Zażółć gęślą jaźń. Łódź, Świętokrzyskie." in ISO-8859-2 and windows-1250.
  auto l2 = decode(
      "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1. \xA3\xF3"
      "d\xBC, "
      "\xA6wi\xEAtokrzyskie.");
  EXPECT_EQ(l2.text, "Zażółć gęślą jaźń. Łódź, Świętokrzyskie.");
  EXPECT_EQ(l2.encoding, "iso-8859-2");
  auto w = decode(
      "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1. \xA3\xF3"
      "d\x9F, "
      "\x8Cwi\xEAtokrzyskie.");
  EXPECT_EQ(w.text, "Zażółć gęślą jaźń. Łódź, Świętokrzyskie.");
  EXPECT_EQ(w.encoding, "windows-1250");
  // French and German letters are letters in every candidate: they stay windows-1252.
  EXPECT_EQ(decode("Le c\x9Cur de l'\xE9t\xE9 \xE0 Gen\xE8ve, gr\xFC\xDF"
                   "e, na\xEFve")
                .encoding,
            "windows-1252");
}

TEST(DecodeToUtf8, DeclaredGb2312) {
  // "中国" in GB2312.
  auto d = decode("\xD6\xD0\xB9\xFA", "gb2312");
  EXPECT_EQ(d.text, "中国");
}

TEST(DecodeToUtf8, UnknownLabelFallsBackToUtf8WithCp1252) {
  auto d = decode("caf\xE9", "x-no-such-charset");
  EXPECT_EQ(d.text, "café");
}

TEST(DecodeToUtf8, DeclarationTheBytesContradictFallsBack) {
  // Declared Shift_JIS, but the bytes are latin-1 text: undecodable in Shift_JIS.
  auto d = decode(
      "Gr\xFC\xDF"
      "e aus M\xFCnchen \xFC\xFC\xFC\xFC",
      "shift_jis");
  EXPECT_EQ(d.text, "Grüße aus München üüüü");
}

TEST(DecodeToUtf8, Utf8WithAFewStrayBytes) {
  // A cp1252 apostrophe (0x92) and € (0x80) pasted into a UTF-8 page.
  auto d = decode(
      "Déjà vu: l\x92"
      "été coûte 3 \x80, écrit-il à Genève.");
  EXPECT_EQ(d.text, "Déjà vu: l’été coûte 3 €, écrit-il à Genève.");
  EXPECT_EQ(d.encoding, "UTF-8+windows-1252");
}

TEST(DecodeToUtf8, Utf8WithATruncatedSequence) {
  // A page cut in the middle of "é" (C3 A9): the lone C3 becomes "Ã", nothing is lost.
  auto d = decode("Élysée: fin de l'\xC3");
  EXPECT_EQ(d.text, "Élysée: fin de l'Ã");
  EXPECT_TRUE(is_valid_utf8(d.text));
}

TEST(DecodeToUtf8, DeclaredUtf8WithLatinBytesKeepsEveryLetter) {
  EXPECT_EQ(decode("caf\xE9 cr\xE8me", "utf-8").text, "café crème");
  EXPECT_EQ(decode("caf\xE9 cr\xE8me", "UTF-16").text, "café crème");  // a byte page: UTF-8
}

TEST(DecodeToUtf8, RepairsMojibakeAfterDecoding) {
  auto d = decode(
      "Fran\xC3\x83\xC2\xA7"
      "ais");  // "FranÃ§ais" in UTF-8
  EXPECT_EQ(d.text, "Français");
  EXPECT_TRUE(d.repaired_mojibake);
}

TEST(DecodeToUtf8, RefusesBinary) {
  std::string png = "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"s;
  for (int i = 0; i < 100; ++i) png += "\x00\x01\x02\x03\xFF\xFE"s;
  auto d = decode_to_utf8(png);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("binary"), std::string::npos);
}

TEST(DecodeToUtf8, RefusesNoiseBehindAnAccidentalBom) {
  std::string junk = "\xFF\xFE";
  uint32_t x = 12345;
  for (int i = 0; i < 4000; ++i) {
    x = x * 1103515245u + 12345u;
    junk += static_cast<char>((x >> 16) & 0xFF);
  }
  EXPECT_FALSE(decode_to_utf8(junk).ok());
}

TEST(DecodeToUtf8, ToleratesTrailingNulPadding) {
  auto d = decode("A scraped article.\n"s + std::string(64, '\0'));
  EXPECT_EQ(d.text, "A scraped article.\n");
}

TEST(DecodeToUtf8, RemovesControlCharacters) {
  EXPECT_EQ(decode("a\x01"
                   "b\x0C"
                   "c\x7F"
                   "d\tz\r\n")
                .text,
            "ab\ncd\tz\r\n");
}

TEST(RepairMojibake, DoubleEncoded) {
  bool changed = false;
  EXPECT_EQ(repair_mojibake("FranÃ§ais Ã©tÃ© Ã\u00A0Paris", &changed),
            "Français été àParis");  // à = C3 A0: "Ã" + NBSP
  EXPECT_TRUE(changed);
}

TEST(RepairMojibake, ThreeByteAndFourByteSequences) {
  EXPECT_EQ(repair_mojibake("12 â‚¬, lâ€™Ã©tÃ©, â€œouiâ€\xC2\x9D"), "12 €, l’été, “oui”");
  EXPECT_EQ(repair_mojibake("ðŸ˜€"), "\U0001F600");
}

TEST(RepairMojibake, TripleEncoded) {
  bool changed = false;
  EXPECT_EQ(repair_mojibake("ÃƒÂ©tÃƒÂ©", &changed), "été");
  EXPECT_TRUE(changed);
}

TEST(RepairMojibake, MixedWithCorrectUtf8) {
  EXPECT_EQ(repair_mojibake("Déjà écrit, puis Ã©crit encore à Genève â€” fin"),
            "Déjà écrit, puis écrit encore à Genève — fin");
}

TEST(RepairMojibake, CyrillicThroughCp1252) {
  // "Путин" in UTF-8 read as cp1252: "ÐŸÑƒÑ‚Ð¸Ð½".
  EXPECT_EQ(repair_mojibake("ÐŸÑƒÑ‚Ð¸Ð½"), "Путин");
}

TEST(RepairMojibake, LatinOneC1Controls) {
  // "Á" = C3 81: read as latin-1 (not cp1252) the 0x81 stays a C1 control U+0081.
  EXPECT_EQ(repair_mojibake("\xC3\x83\xC2\x81gua"), "Água");
}

TEST(RepairMojibake, DecomposedAccentAfterLetter) {
  // "é" as e + U+0301 (CC 81), mojibaked: "eÌ" + U+0081.
  EXPECT_EQ(repair_mojibake("caf"
                            "e\xC3\x8C\xC2\x81"),
            "cafe\xCC\x81");
}

TEST(RepairMojibake, LeavesLegitimatePairsAlone) {
  // A real "ß" or "É" before a curly quote: their cp1252 bytes would decode to NKo and IPA.
  EXPECT_EQ(repair_mojibake("„Straß“ und JOSÉ’s"), "„Straß“ und JOSÉ’s");
  EXPECT_EQ(repair_mojibake("Ã  la ligne"), "Ã  la ligne");  // "Ã" + ASCII space: not a run
  EXPECT_EQ(repair_mojibake("São Paulo, ÉTÉ, naïve, Ørsted, Ægir"),
            "São Paulo, ÉTÉ, naïve, Ørsted, Ægir");
}

TEST(RepairMojibake, FrenchTypographyIsNotMojibake) {
  // A final é/è/à before a closing quote or a no-break space and a guillemet: their cp1252
  // bytes would form CJK characters (E9 94 A0 = U+9520).
  for (std::string s :
       {"« déterminé” » dit-il", "« Il est arrivé\u00A0»", "déjà\u00A0« oui »", "â\u00A0»"})
    EXPECT_EQ(repair_mojibake(s), s);
}

TEST(RepairMojibake, CjkRunsAreRepaired) {
  // "中国新闻" (E4 B8 AD E5 9B BD E6 96 B0 E9 97 BB) read as cp1252.
  EXPECT_EQ(repair_mojibake("ä¸\u00ADå›½æ–°é—»"), "中国新闻");
}

TEST(RepairMojibake, NeverLongerAndIdempotent) {
  std::string fixed = repair_mojibake("ÃƒÂ©tÃ© â‚¬ Ã");
  EXPECT_LE(fixed.size(), std::string("ÃƒÂ©tÃ© â‚¬ Ã").size());
  EXPECT_EQ(repair_mojibake(fixed), fixed);
  EXPECT_TRUE(is_valid_utf8(fixed));
}

TEST(IsValidUtf8, RejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("plain é € \U0001F600"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
}

TEST(StripControls, KeepsWhitespaceAndDropsTheRest) {
  EXPECT_EQ(strip_controls("a\0b"s), "ab");
  EXPECT_EQ(strip_controls("tab\tcr\rlf\n"), "tab\tcr\rlf\n");
  EXPECT_EQ(strip_controls("c1:\xC2\x85!"), "c1:!");  // U+0085 NEL
  EXPECT_EQ(strip_controls("bad \xFF byte"), "bad  byte");
}

TEST(DeclaredHtmlCharset, MetaForms) {
  EXPECT_EQ(declared_html_charset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(declared_html_charset("<meta charset=windows-1251>"), "windows-1251");
  EXPECT_EQ(declared_html_charset("<META HTTP-EQUIV=\"Content-Type\" "
                                  "CONTENT=\"text/html; charset=koi8-r\">"),
            "koi8-r");
  EXPECT_EQ(declared_html_charset("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><html>"),
            "iso-8859-15");
}

TEST(DeclaredHtmlCharset, IgnoresCharsetOutsideMeta) {
  EXPECT_EQ(declared_html_charset("<script>var charset = 'gbk';</script><p>charset=x</p>"), "");
  EXPECT_EQ(declared_html_charset(std::string(5000, ' ') + "<meta charset=koi8-r>"), "");
  EXPECT_EQ(declared_html_charset("<meta name=description content=x><meta charset=utf-8>"),
            "utf-8");
}

}  // namespace
}  // namespace recoupe::ingest
