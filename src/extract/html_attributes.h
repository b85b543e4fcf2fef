// Bounds the number of attributes of each HTML element before the page reaches libxml2.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace recoupe::extract {

// Attributes kept per element (see --help): real pages carry under 50 on any tag.
inline constexpr size_t kMaxHtmlAttributes = 1000;

// When some start tag of `html` has more than `max_attributes` attributes, writes to *out the
// page with every such tag cut after its first `max_attributes` attributes (the tag keeps
// its name and its closing '>', its text and children are untouched) and returns true;
// returns false and leaves *out alone when no tag has more, so that the caller keeps the
// page as it is.
// Why: libxml2's HTML parser checks each attribute of a tag against all the earlier ones
// (duplicate names), quadratic in the attributes of one tag: 100,000 attributes on one
// <div> took 15 s and 1,000,000 did not finish in 120 s.
// The scanner is light: a start tag is '<' and a letter; an attribute is a name with an
// optional '=' value, quoted ('…' or "…") or not; the tag ends at the first '>' outside a
// quoted value. Comments, and the content of raw-text elements (<script>, <style>,
// <textarea>, <title>, <xmp>, <iframe>, <noembed>, <noframes>), are skipped, so JSON-LD and
// scripts are never cut. Cost: linear in the page. Thread-safe.
bool bound_html_attributes(std::string_view html, size_t max_attributes, std::string* out);

}  // namespace recoupe::extract
