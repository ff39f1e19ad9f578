//! The closed set of element kinds the heuristics reason about.
//!
//! Matching on an enum is cheaper and safer than comparing strings at every visit. Elements outside
//! the set (custom elements, SVG and MathML children) become [`Tag::Other`]; their name stays
//! available through [`crate::dom::NodeRef::name`].

macro_rules! tags {
    ($($variant:ident => $name:literal,)*) => {
        /// An element's tag. `Other` covers every name outside the list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Tag {
            $($variant,)*
            /// Any other element: custom elements, obsolete tags, SVG and MathML children.
            Other,
        }

        impl Tag {
            /// The tag for an HTML-namespace local name (lower case, as parsers produce it).
            pub fn from_html_name(name: &str) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }

            /// The canonical local name; `None` for [`Tag::Other`].
            pub fn name(self) -> Option<&'static str> {
                match self {
                    $(Tag::$variant => Some($name),)*
                    Tag::Other => None,
                }
            }
        }
    };
}

tags! {
    A => "a", Abbr => "abbr", Address => "address", Area => "area", Article => "article",
    Aside => "aside", Audio => "audio", B => "b", Base => "base", Bdi => "bdi", Bdo => "bdo",
    Big => "big", Blockquote => "blockquote", Body => "body", Br => "br", Button => "button",
    Canvas => "canvas", Caption => "caption", Center => "center", Cite => "cite", Code => "code",
    Col => "col", Colgroup => "colgroup", Data => "data", Dd => "dd", Del => "del",
    Details => "details", Dfn => "dfn", Dialog => "dialog", Div => "div", Dl => "dl", Dt => "dt",
    Em => "em", Embed => "embed", Fieldset => "fieldset", Figcaption => "figcaption",
    Figure => "figure", Font => "font", Footer => "footer", Form => "form", Frame => "frame",
    Frameset => "frameset", H1 => "h1", H2 => "h2", H3 => "h3", H4 => "h4", H5 => "h5",
    H6 => "h6", Head => "head", Header => "header", Hgroup => "hgroup", Hr => "hr",
    Html => "html", I => "i", Iframe => "iframe", Img => "img", Input => "input", Ins => "ins",
    Kbd => "kbd", Label => "label", Legend => "legend", Li => "li", Link => "link",
    Main => "main", Map => "map", Mark => "mark", Menu => "menu", Meta => "meta",
    Nav => "nav", Noscript => "noscript", Object => "object", Ol => "ol",
    Optgroup => "optgroup", Option => "option", Output => "output", P => "p", Param => "param",
    Picture => "picture", Pre => "pre", Progress => "progress", Q => "q", Rp => "rp",
    Rt => "rt", Ruby => "ruby", S => "s", Samp => "samp", Script => "script",
    Section => "section", Select => "select", Small => "small", Source => "source",
    Span => "span", Strike => "strike", Strong => "strong", Style => "style", Sub => "sub",
    Summary => "summary", Sup => "sup", Table => "table", Tbody => "tbody", Td => "td",
    Template => "template", Textarea => "textarea", Tfoot => "tfoot", Th => "th",
    Thead => "thead", Time => "time", Title => "title", Tr => "tr", Track => "track",
    Tt => "tt", U => "u", Ul => "ul", Var => "var", Video => "video", Wbr => "wbr",
    // Foreign roots: only the root element of each foreign tree gets a variant of its own.
    Svg => "svg", Math => "math",
}

impl Tag {
    /// Headings `h1`..`h6`.
    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Elements that never have children in HTML.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Area
                | Tag::Base
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
        )
    }

    /// Elements whose text is not page prose (code, styles, hidden templates).
    pub fn is_raw_text(self) -> bool {
        matches!(self, Tag::Script | Tag::Style | Tag::Noscript | Tag::Template)
    }

    /// Block-level elements: text on either side of them never runs together.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Body
                | Tag::Br
                | Tag::Caption
                | Tag::Center
                | Tag::Dd
                | Tag::Details
                | Tag::Dialog
                | Tag::Div
                | Tag::Dl
                | Tag::Dt
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Header
                | Tag::Hgroup
                | Tag::Hr
                | Tag::Html
                | Tag::Li
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Section
                | Tag::Summary
                | Tag::Table
                | Tag::Tbody
                | Tag::Td
                | Tag::Tfoot
                | Tag::Th
                | Tag::Thead
                | Tag::Tr
                | Tag::Ul
                | Tag::Title
        )
    }
}

/// The namespace an element was parsed into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Namespace {
    Html = 0,
    Svg = 1,
    MathMl = 2,
    Other = 3,
}

impl Namespace {
    /// Decodes the wire value; unknown values are `Other`.
    pub fn from_wire(v: u32) -> Namespace {
        match v {
            0 => Namespace::Html,
            1 => Namespace::Svg,
            2 => Namespace::MathMl,
            _ => Namespace::Other,
        }
    }

    /// Resolves an element's tag from its namespace and local name.
    pub fn tag_for(self, name: &str) -> Tag {
        match (self, name) {
            (Namespace::Html, _) => Tag::from_html_name(name),
            (Namespace::Svg, "svg") => Tag::Svg,
            (Namespace::MathMl, "math") => Tag::Math,
            _ => Tag::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in ["a", "h3", "figcaption", "wbr", "template"] {
            assert_eq!(Tag::from_html_name(name).name(), Some(name));
        }
        assert_eq!(Tag::from_html_name("my-widget"), Tag::Other);
        assert_eq!(Namespace::Svg.tag_for("title"), Tag::Other);
        assert_eq!(Namespace::Html.tag_for("title"), Tag::Title);
    }
}
