// libxml2 as Swift sees it: the SAX2 push parsers for XML and HTML.
// xmlversion.h first, then ICU switched off: Debian's headers would pull in the
// system ICU, whose types clash with Foundation's own copy in clean debug builds
// (shared/reference/swift-build.md, trap 1). Never allocate an
// xmlCharEncodingHandler from Swift: its ICU fields are hidden from this view.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <string.h>

// The parser's own line number, for a failure's reason.
static inline int phidex_xml_line(xmlParserCtxtPtr context) {
    return context != NULL && context->input != NULL ? context->input->line : 0;
}


// The code of the parse's last error (libxml2's xmlParserErrors), 0 when none: reasons name the kind
// of error by its code, never by libxml2's message, which quotes the document's names and text.
static inline int phidex_xml_error_code(xmlParserCtxtPtr context) {
    return context != NULL ? context->lastError.code : 0;
}

// Whether the parser stopped calling back (an error it does not recover from).
static inline int phidex_xml_halted(xmlParserCtxtPtr context) {
    return context == NULL || context->disableSAX != 0 || context->instate == XML_PARSER_EOF;
}
