// The only file that includes libxml2 headers; see cxml_shim.h for why.

#include "cxml_shim.h"

#include <limits.h>
#include <pthread.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// The opaque handles are the libxml2 objects themselves; these casts are the only place that knows it.
static xmlDocPtr doc_of(const cxml_doc *doc) {
    return (xmlDocPtr)doc;
}

static xmlXPathObjectPtr object_of(const cxml_value *value) {
    return (xmlXPathObjectPtr)value;
}

// MARK: - Initialisation

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void) {
    xmlInitParser();
}

// libxml2 requires multithreaded programs to initialise it once before use; it also sets up XPath's NaN constant,
// which the number conversions below rely on.
static void ensure_init(void) {
    pthread_once(&init_once, init_libxml);
}

// MARK: - Errors

// Keeps the first error: later ones are usually consequences of it ("Extra content at the end of the document").
static void set_error(cxml_error *error, const char *message, int line, int column) {
    if (error == NULL || error->message != NULL) {
        return;
    }
    error->message = (char *)xmlStrdup(BAD_CAST(message != NULL ? message : "unknown libxml2 error"));
    if (error->message != NULL) {
        // libxml2 messages end with a newline meant for stderr.
        size_t length = strlen(error->message);
        while (length > 0 && (error->message[length - 1] == '\n' || error->message[length - 1] == ' ')) {
            error->message[--length] = '\0';
        }
    }
    error->line = line;
    error->column = column;
}

// Reports errors of the current call; XPath syntax errors carry the expression in str1 and the byte offset of the
// problem in int1, parser errors carry line and column.
static void capture_error(void *user_data, xmlErrorPtr source) {
    if (source->level < XML_ERR_ERROR) {
        return;
    }
    if (source->domain == XML_FROM_XPATH) {
        int position = source->str1 != NULL && source->int1 < INT_MAX ? source->int1 + 1 : 0;
        set_error(user_data, source->message, 0, position);
    } else {
        set_error(user_data, source->message, source->line, source->int2);
    }
}

// Internal diagnostics such as "xmlXPathCompOpEval: function strng not found" bypass the structured handler.
static void ignore_generic_error(void *context, const char *format, ...) {
    (void)context;
    (void)format;
}

// libxml2's error handlers are thread-local in threaded builds, so routing them to the caller's cxml_error for the
// duration of one call keeps messages off stderr without affecting other threads. XPath contexts are left without
// their own handler on purpose: libxml2 only formats the message when it goes through the thread-local one.
typedef struct error_scope {
    xmlStructuredErrorFunc structured;
    void *structured_context;
    xmlGenericErrorFunc generic;
    void *generic_context;
} error_scope;

static error_scope begin_capture(cxml_error *error) {
    error_scope saved = {xmlStructuredError, xmlStructuredErrorContext, xmlGenericError, xmlGenericErrorContext};
    xmlSetStructuredErrorFunc(error, capture_error);
    xmlSetGenericErrorFunc(NULL, ignore_generic_error);
    return saved;
}

// Callers only look at `error` after a failure, so errors libxml2 recovered from are dropped here.
static void end_capture(error_scope saved, bool failed, cxml_error *error) {
    xmlSetStructuredErrorFunc(saved.structured_context, saved.structured);
    xmlSetGenericErrorFunc(saved.generic_context, saved.generic);
    if (!failed && error != NULL) {
        xmlFree(error->message);
        *error = (cxml_error){0};
    }
}

// MARK: - Documents

static xmlDocPtr read_html(const uint8_t *bytes, size_t length, const char *encoding, cxml_error *error) {
    htmlParserCtxtPtr parser = htmlNewParserCtxt();
    if (parser == NULL) {
        set_error(error, "out of memory", 0, 0);
        return NULL;
    }
    // XML_PARSE_HUGE (the HTML parser honours it; 2.9 has no HTML_PARSE_HUGE) lifts libxml2's nesting limit of 256
    // levels, past which it stops parsing and the rest of the page, forms included, is silently missing. Bodies
    // are capped by the HTTP layer, so memory stays bounded.
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE;
    xmlDocPtr doc = htmlCtxtReadMemory(parser, (const char *)bytes, (int)length, NULL, encoding, options);
    // A libxml2 that keeps a limit even with HUGE halts on "Excessive depth in document: N use XML_PARSE_HUGE
    // option"; a partial page would pass for one without the rest, so the page is refused with the reason.
    if (doc != NULL && parser->lastError.message != NULL && strstr(parser->lastError.message, "Excessive depth")) {
        if (error != NULL) {
            xmlFree(error->message);
            *error = (cxml_error){0};
        }
        set_error(error, "the page nests elements deeper than this libxml2 reads", parser->lastError.line, 0);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    // libxml2 refuses a body of only whitespace as "empty"; for checks it is just a page without elements.
    if (doc == NULL && parser->lastError.code == XML_ERR_DOCUMENT_EMPTY) {
        doc = htmlNewDocNoDtD(NULL, NULL);
    }
    htmlFreeParserCtxt(parser);
    return doc;
}

cxml_doc *cxml_parse_html(const uint8_t *bytes, size_t length, const char *encoding, cxml_error *error) {
    ensure_init();
    if (length > INT_MAX) {
        set_error(error, "document larger than 2 GiB", 0, 0);
        return NULL;
    }
    error_scope scope = begin_capture(error);
    xmlDocPtr doc = length > 0 ? read_html(bytes, length, encoding, error) : htmlNewDocNoDtD(NULL, NULL);
    end_capture(scope, doc == NULL, error);
    if (doc == NULL) {
        set_error(error, "cannot parse HTML", 0, 0);
    }
    return (cxml_doc *)doc;
}

cxml_doc *cxml_parse_xml(const uint8_t *bytes, size_t length, cxml_error *error) {
    ensure_init();
    if (length > INT_MAX) {
        set_error(error, "document larger than 2 GiB", 0, 0);
        return NULL;
    }
    if (length == 0) {
        // xmlReadMemory rejects an empty buffer without saying why; this is the message it gives for blank input.
        set_error(error, "Document is empty", 1, 1);
        return NULL;
    }
    // XXE hardening: without XML_PARSE_NOENT and XML_PARSE_DTDLOAD libxml2 neither substitutes entities
    // nor loads external subsets or external entities; NONET also forbids any network access.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    error_scope scope = begin_capture(error);
    xmlDocPtr doc = xmlReadMemory((const char *)bytes, (int)length, NULL, NULL, options);
    end_capture(scope, doc == NULL, error);
    if (doc == NULL) {
        set_error(error, "cannot parse XML", 0, 0);
    }
    return (cxml_doc *)doc;
}

void cxml_doc_free(cxml_doc *doc) {
    xmlFreeDoc(doc_of(doc));
}

// MARK: - XPath

// Compiles and evaluates `expression` with `doc` as context node, in a fresh context because contexts are not
// thread-safe. The compiled form is not kept for reuse either: libxml2 caches function lookups inside it while
// evaluating, which would race between threads sharing it.
static xmlXPathObjectPtr evaluate(xmlDocPtr doc, xmlNodePtr node, const char *expression,
                                  const char *namespaces, size_t namespace_count, cxml_error *error) {
    xmlXPathContextPtr context = xmlXPathNewContext(doc);
    if (context == NULL) {
        set_error(error, "out of memory", 0, 0);
        return NULL;
    }
    context->node = node;
    const char *cursor = namespaces;
    for (size_t index = 0; index < namespace_count; index++) {
        const char *prefix = cursor;
        const char *uri = prefix + strlen(prefix) + 1;
        cursor = uri + strlen(uri) + 1;
        if (xmlXPathRegisterNs(context, BAD_CAST prefix, BAD_CAST uri) != 0) {
            set_error(error, "Cannot bind namespace prefix", 0, 0);
            xmlXPathFreeContext(context);
            return NULL;
        }
    }
    xmlXPathObjectPtr object = NULL;
    xmlXPathCompExprPtr compiled = xmlXPathCtxtCompile(context, BAD_CAST expression);
    if (compiled != NULL) {
        object = xmlXPathCompiledEval(compiled, context);
        xmlXPathFreeCompExpr(compiled);
    }
    // The result does not refer to the context: node-sets point into the document, namespace nodes are copies.
    xmlXPathFreeContext(context);
    if (object == NULL) {
        set_error(error, "XPath evaluation failed", 0, 0);
    }
    return object;
}

bool cxml_xpath_check(const char *expression, const char *namespaces, size_t namespace_count, cxml_error *error) {
    ensure_init();
    // Unknown functions, variables and prefixes only surface when evaluated, so evaluate against an empty document.
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    if (doc == NULL) {
        set_error(error, "out of memory", 0, 0);
        return false;
    }
    error_scope scope = begin_capture(error);
    xmlXPathObjectPtr object = evaluate(doc, (xmlNodePtr)doc, expression, namespaces, namespace_count, error);
    end_capture(scope, object == NULL, error);
    xmlXPathFreeObject(object);
    xmlFreeDoc(doc);
    return object != NULL;
}

cxml_value *cxml_xpath_eval(const cxml_doc *doc, const char *expression,
                            const char *namespaces, size_t namespace_count, cxml_error *error) {
    ensure_init();
    error_scope scope = begin_capture(error);
    xmlXPathObjectPtr object = evaluate(doc_of(doc), (xmlNodePtr)doc_of(doc), expression, namespaces, namespace_count, error);
    end_capture(scope, object == NULL, error);
    return (cxml_value *)object;
}

cxml_value *cxml_xpath_eval_at(const cxml_doc *doc, const cxml_value *context, size_t index, const char *expression,
                               const char *namespaces, size_t namespace_count, cxml_error *error) {
    ensure_init();
    if (index >= cxml_value_node_count(context)) {
        set_error(error, "no such context node", 0, 0);
        return NULL;
    }
    xmlNodePtr node = object_of(context)->nodesetval->nodeTab[index];
    error_scope scope = begin_capture(error);
    xmlXPathObjectPtr object = evaluate(doc_of(doc), node, expression, namespaces, namespace_count, error);
    end_capture(scope, object == NULL, error);
    return (cxml_value *)object;
}

cxml_value_type cxml_value_get_type(const cxml_value *value) {
    switch (object_of(value)->type) {
    case XPATH_NODESET:
    case XPATH_XSLT_TREE:
        return CXML_VALUE_NODESET;
    case XPATH_BOOLEAN:
        return CXML_VALUE_BOOLEAN;
    case XPATH_NUMBER:
        return CXML_VALUE_NUMBER;
    default:
        return CXML_VALUE_STRING;
    }
}

size_t cxml_value_node_count(const cxml_value *value) {
    xmlNodeSetPtr nodes = object_of(value)->nodesetval;
    if (cxml_value_get_type(value) != CXML_VALUE_NODESET || nodes == NULL || nodes->nodeNr < 0) {
        return 0;
    }
    return (size_t)nodes->nodeNr;
}

char *cxml_value_node_string(const cxml_value *value, size_t index) {
    if (index >= cxml_value_node_count(value)) {
        return NULL;
    }
    return (char *)xmlXPathCastNodeToString(object_of(value)->nodesetval->nodeTab[index]);
}

// Elements only: attribute, text and namespace nodes have no name or attributes of their own here.
static xmlNodePtr element_at(const cxml_value *value, size_t index) {
    if (index >= cxml_value_node_count(value)) {
        return NULL;
    }
    xmlNodePtr node = object_of(value)->nodesetval->nodeTab[index];
    return node != NULL && node->type == XML_ELEMENT_NODE ? node : NULL;
}

char *cxml_value_node_name(const cxml_value *value, size_t index) {
    xmlNodePtr node = element_at(value, index);
    return node != NULL && node->name != NULL ? (char *)xmlStrdup(node->name) : NULL;
}

char *cxml_value_node_attribute(const cxml_value *value, size_t index, const char *name) {
    xmlNodePtr node = element_at(value, index);
    if (node == NULL || name == NULL) {
        return NULL;
    }
    // xmlGetNoNsProp gives "" for an attribute without a value and NULL only when it is absent.
    return (char *)xmlGetNoNsProp(node, BAD_CAST name);
}

bool cxml_value_boolean(const cxml_value *value) {
    return xmlXPathCastToBoolean(object_of(value)) != 0;
}

double cxml_value_number(const cxml_value *value) {
    return xmlXPathCastToNumber(object_of(value));
}

char *cxml_value_string(const cxml_value *value) {
    return (char *)xmlXPathCastToString(object_of(value));
}

void cxml_value_free(cxml_value *value) {
    xmlXPathFreeObject(object_of(value));
}

// MARK: - Conversions

double cxml_string_to_number(const char *string) {
    ensure_init();
    return xmlXPathCastStringToNumber(BAD_CAST string);
}

void cxml_string_free(char *string) {
    xmlFree(string);
}
