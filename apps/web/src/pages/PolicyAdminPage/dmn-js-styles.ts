/**
 * dmn-js's own stylesheets, bundled by Vite into this lazily loaded chunk's CSS file (a <link>,
 * allowed by the style-src 'self' policy). The font is the file-based variant: the embedded one
 * would be a data: font, which the font-src policy rightly refuses.
 */
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import './dmn-csp.css';
