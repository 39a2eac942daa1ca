// Where a JSON text first goes wrong, as line and column: browsers' JSON.parse messages differ and often give
// no position at all ("Unexpected token '}', ..." is not valid JSON"). A small recursive-descent check finds it.
"use strict";

const JsonSyntax = (() => {
  function locate(text) {
    let i = 0;
    const fail = (what) => { throw { at: i, what }; };
    const ws = () => { while (i < text.length && " \t\n\r".includes(text[i])) i++; };
    const literal = (word) => { if (text.startsWith(word, i)) i += word.length; else fail("expected a value"); };
    function string() {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\") i++;
        else if (text[i] === "\n") fail("a string must end on its line (missing closing quote?)");
        i++;
      }
      if (i >= text.length) fail("unterminated string");
      i++;
    }
    function number() {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail("expected a value");
      i += m[0].length;
    }
    function value() {
      ws();
      const c = text[i];
      if (c === "{") return object();
      if (c === "[") return array();
      if (c === '"') return string();
      if (c === "t") return literal("true");
      if (c === "f") return literal("false");
      if (c === "n") return literal("null");
      if (c === "-" || (c >= "0" && c <= "9")) return number();
      fail(c === undefined ? "the text ends where a value is expected" : `expected a value, found '${c}'`);
    }
    function object() {
      i++; ws();
      if (text[i] === "}") { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === "}" ? "a comma before '}' (trailing comma)" : "expected a quoted key");
        string(); ws();
        if (text[i] !== ":") fail("expected ':' after the key");
        i++; value(); ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return; }
        fail(text[i] === undefined ? "the text ends inside an object (missing '}')" : `expected ',' or '}', found '${text[i]}'`);
      }
    }
    function array() {
      i++; ws();
      if (text[i] === "]") { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ",") { i++; ws(); if (text[i] === "]") fail("a comma before ']' (trailing comma)"); continue; }
        if (text[i] === "]") { i++; return; }
        fail(text[i] === undefined ? "the text ends inside a list (missing ']')" : `expected ',' or ']', found '${text[i]}'`);
      }
    }
    try {
      value(); ws();
      if (i < text.length) fail(`unexpected '${text[i]}' after the end of the document`);
      return null;
    } catch (e) {
      if (e.at === undefined) throw e;
      const before = text.slice(0, e.at).split("\n");
      return { line: before.length, column: before[before.length - 1].length + 1, what: e.what };
    }
  }

  /** "JSON syntax error at line 3, column 12: expected a value, found '}'". */
  function describe(text) {
    const found = locate(text);
    return found ? `JSON syntax error at line ${found.line}, column ${found.column}: ${found.what}` : null;
  }

  return { locate, describe };
})();
