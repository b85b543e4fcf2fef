// Bounds the element nesting of an HTML page before it reaches the HTML parser.
#pragma once

#include <string>
#include <string_view>

namespace recoupe::ingest {

// Returns `html` with every start and end tag that would nest deeper than `max_depth`
// elements removed (a removed tag other than an inline one such as <b>, <span>, <a> leaves
// a space, so that words of sibling blocks do not merge). Text is always kept: a 100,000-deep
// page comes out as at most `max_depth` levels with all its words. Sets *flattened when
// something was removed; a page within the limit comes back byte for byte.
// Why here: the HTML5 parser (gumbo) spends time and memory quadratic in the depth (100,000
// nested <div> take 25 s; nested <table> exhaust memory), and tree walkers recurse; real
// pages stay under ~100 levels.
// Depth is counted with a light tag scanner, not a full HTML5 tree builder: comments, <!…>,
// <?…?>, raw-text elements (<script>, <style>, <textarea>, <title>…) and quoted attribute
// values are skipped; void elements (<br>, <img>…), elements whose end tag is optional
// (<p>, <li>, <td>, <tr>, <option>…), and self-closing tags inside <svg>/<math> do not count;
// an end tag closes up to its nearest open start tag (closing forgotten inner ones) and is
// ignored when none is open; <a>, <nobr>, <button> close an open element of the same name,
// as the parser does. The count is therefore an upper bound of the parser's depth.
// Cost: linear in the input. Thread-safe.
std::string bound_html_nesting(std::string_view html, int max_depth, bool* flattened = nullptr);

}  // namespace recoupe::ingest
