// libxml2, as Herald uses it: the text writer for every XML report, the parser and the XSD validator for
// `herald validate-report`, and the HTML parser for the tests of report.html.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Swift's Foundation. Only
// the layout of xmlCharEncodingHandler depends on this switch, and Herald never touches that struct.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
