#ifndef CXML_SHIM_H
#define CXML_SHIM_H

// Opaque HTML/XML + XPath API over libxml2.
//
// This header deliberately includes no libxml2 header: Debian's libxml2 headers pull in the system ICU,
// whose types clash with Foundation's bundled ICU in any Swift module that sees both.
//
// All functions are safe to call from several threads at once. A document may be read (evaluated) by several
// threads concurrently; it must not be freed while another thread still uses it.
//
// Every `char *` returned by this API is owned by the caller and must be released with cxml_string_free().

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A parsed HTML or XML document.
typedef struct cxml_doc cxml_doc;

/// The result of an XPath evaluation; keeps its document's nodes referenced, so free it before the document.
typedef struct cxml_value cxml_value;

/// Describes a failure. `message` is NULL when no error occurred.
typedef struct cxml_error {
    /// libxml2's message without the trailing newline (free with cxml_string_free).
    char *message;
    /// 1-based line of a parse error, 0 when unknown.
    int line;
    /// 1-based column of a parse error, or 1-based byte position of an XPath syntax error; 0 when unknown.
    int column;
} cxml_error;

typedef enum cxml_value_type {
    CXML_VALUE_NODESET,
    CXML_VALUE_BOOLEAN,
    CXML_VALUE_NUMBER,
    CXML_VALUE_STRING,
} cxml_value_type;

/// Parses HTML leniently (recovering from malformed markup, never touching the network).
/// `encoding` (e.g. "UTF-8") overrides detection; with NULL libxml2 uses a byte order mark or <meta charset>,
/// else ISO-8859-1. Empty input yields an empty document. Returns NULL only on failure, filling `error`.
cxml_doc *cxml_parse_html(const uint8_t *bytes, size_t length, const char *encoding, cxml_error *error);

/// Parses well-formed XML without loading external entities or DTDs (no XXE, no network).
/// Returns NULL and fills `error` (with line and column) when the input is not well-formed.
cxml_doc *cxml_parse_xml(const uint8_t *bytes, size_t length, cxml_error *error);

void cxml_doc_free(cxml_doc *doc);

/// Checks that `expression` compiles and only uses known functions, variables and namespace prefixes.
/// `namespaces` packs `namespace_count` pairs of NUL-terminated strings: prefix, URI, prefix, URI, ...
/// Returns true when valid; otherwise fills `error` and returns false.
bool cxml_xpath_check(const char *expression, const char *namespaces, size_t namespace_count, cxml_error *error);

/// Evaluates `expression` with `doc`'s document node as context node.
/// `namespaces` is packed as for cxml_xpath_check(). Returns NULL and fills `error` on failure.
cxml_value *cxml_xpath_eval(const cxml_doc *doc, const char *expression,
                            const char *namespaces, size_t namespace_count, cxml_error *error);

cxml_value_type cxml_value_get_type(const cxml_value *value);

/// Number of nodes in a node-set value (0 for other types).
size_t cxml_value_node_count(const cxml_value *value);

/// XPath string-value of node `index` of a node-set value (the text content of an element, an attribute's value).
char *cxml_value_node_string(const cxml_value *value, size_t index);

/// Name of node `index` of a node-set value as the parser stored it (HTML element names are lowercase);
/// NULL when there is no such node or it is not an element.
char *cxml_value_node_name(const cxml_value *value, size_t index);

/// Value of attribute `name` of node `index` of a node-set value; "" for an attribute written without a
/// value (`<input checked>`), NULL when the node is not an element or has no such attribute.
char *cxml_value_node_attribute(const cxml_value *value, size_t index, const char *name);

/// Evaluates `expression` with node `index` of the node-set `context` (a result over `doc`) as context node,
/// for relative paths such as `.//input` or `ancestor::fieldset`. Returns NULL and fills `error` on failure.
cxml_value *cxml_xpath_eval_at(const cxml_doc *doc, const cxml_value *context, size_t index, const char *expression,
                               const char *namespaces, size_t namespace_count, cxml_error *error);

/// The value converted with XPath's boolean(), number() and string() rules.
bool cxml_value_boolean(const cxml_value *value);
double cxml_value_number(const cxml_value *value);
char *cxml_value_string(const cxml_value *value);

void cxml_value_free(cxml_value *value);

/// libxml2's XPath number(string): optional whitespace and minus sign around a decimal literal
/// (libxml2 also accepts an exponent), otherwise NaN.
double cxml_string_to_number(const char *string);

void cxml_string_free(char *string);

#ifdef __cplusplus
}
#endif

#endif
