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

// The structured error of the parse so far, or NULL.
static inline const char *phidex_xml_error_message(xmlParserCtxtPtr context) {
    return context != NULL && context->lastError.code != 0 ? context->lastError.message : NULL;
}
