//! Declarative shadow DOM for the native builder: the flat tree a person sees, as the live walker
//! reads it.
//!
//! A browser turns `<template shadowrootmode="open|closed">` into a shadow root of its parent, and
//! renders the host through that shadow tree: each `<slot>` shows the host's children assigned to
//! it (by `slot="name"`, the rest to the unnamed slot), or its own children when none are. The
//! extension's walker (`extension/walk.js`) reads exactly that flat tree, so the native builder
//! must too, or the parity test and the CLI would see a different page.
//!
//! [`ShadowSink`] wraps html5ever's `RcDom` to record which template became which host's shadow
//! root (html5ever asks its sink and, by default, keeps the template as an ordinary element).
//! [`FlatTree`] then answers "what are this element's children in the flat tree?".

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{ns, Attribute, ExpandedName, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The key of a node in the maps below: its address, stable while the tree lives.
fn key(node: &Handle) -> *const markup5ever_rcdom::Node {
    Rc::as_ptr(node)
}

/// `RcDom` plus the declarative shadow roots the parser attached: host -> the template whose
/// contents are the shadow tree.
#[derive(Default)]
pub struct ShadowSink {
    pub dom: RcDom,
    pub shadows: RefCell<Vec<(Handle, Handle)>>,
}

/// Elements that may host a shadow root (the DOM standard's `attachShadow` list), besides
/// custom elements.
const HOST_NAMES: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "body",
    "div",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "main",
    "nav",
    "p",
    "section",
    "span",
];

/// Names with a hyphen that the HTML standard reserves, so they are not custom elements.
const RESERVED_CUSTOM_NAMES: &[&str] = &[
    "annotation-xml",
    "color-profile",
    "font-face",
    "font-face-src",
    "font-face-uri",
    "font-face-format",
    "font-face-name",
    "missing-glyph",
];

fn can_host_shadow(name: &QualName) -> bool {
    let local = &*name.local;
    let custom = local.starts_with(|c: char| c.is_ascii_lowercase())
        && local.contains('-')
        && !RESERVED_CUSTOM_NAMES.contains(&local);
    name.ns == ns!(html) && (custom || HOST_NAMES.contains(&local))
}

impl TreeSink for ShadowSink {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> Self {
        self
    }

    fn attach_declarative_shadow(
        &self,
        host: &Handle,
        template: &Handle,
        _attrs: &[Attribute],
    ) -> bool {
        let NodeData::Element { name, .. } = &host.data else { return false };
        let mut shadows = self.shadows.borrow_mut();
        // A host has one shadow root; a second template stays an ordinary (inert) template.
        if !can_host_shadow(name) || shadows.iter().any(|(h, _)| Rc::ptr_eq(h, host)) {
            return false;
        }
        shadows.push((host.clone(), template.clone()));
        true
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.dom.parse_error(msg)
    }
    fn get_document(&self) -> Handle {
        self.dom.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.dom.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.dom.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.dom.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.dom.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.dom.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.dom.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.dom.append_doctype_to_document(name, public, system)
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.dom.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.dom.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.dom.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.dom.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.dom.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.dom.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.dom.is_mathml_annotation_xml_integration_point(handle)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Handle) {
        self.dom.maybe_clone_an_option_into_selectedcontent(option)
    }
}

/// Where an element's flat-tree children come from.
pub enum Children {
    /// The children of this node (the element itself, or a shadow root's fragment).
    Of(Handle),
    /// A slot's flattened assigned nodes.
    List(Rc<[Handle]>),
}

/// The flat-tree view of a parsed document.
pub struct FlatTree {
    /// Host -> the fragment holding its shadow tree.
    shadows: HashMap<*const markup5ever_rcdom::Node, Handle>,
    /// Every slot inside a shadow tree seen so far -> the host children assigned to it. Filled as
    /// each host is entered, which in a pre-order walk is before any of its slots is reached.
    slots: HashMap<*const markup5ever_rcdom::Node, Vec<Handle>>,
}

impl FlatTree {
    pub fn new(sink: &ShadowSink) -> FlatTree {
        let shadows = sink
            .shadows
            .borrow()
            .iter()
            .map(|(host, template)| {
                let NodeData::Element { template_contents, .. } = &template.data else {
                    unreachable!("a shadow root comes from a template element")
                };
                let fragment = template_contents.borrow().clone().expect("template contents");
                (key(host), fragment)
            })
            .collect();
        FlatTree { shadows, slots: HashMap::new() }
    }

    /// The children of `el` as the person sees them.
    pub fn children(&mut self, el: &Handle) -> Children {
        if self.shadows.is_empty() {
            return Children::Of(el.clone());
        }
        if let Some(fragment) = self.shadows.get(&key(el)).cloned() {
            self.assign_slots(el, &fragment);
            return Children::Of(fragment);
        }
        if self.slots.contains_key(&key(el)) {
            let mut out = Vec::new();
            self.flatten(el, &mut out);
            return Children::List(out.into());
        }
        Children::Of(el.clone())
    }

    /// Named slot assignment: each of the host's element and text children goes to the first slot
    /// (in tree order) whose name is its `slot` attribute ("" for text and for no attribute).
    fn assign_slots(&mut self, host: &Handle, fragment: &Handle) {
        let mut first_by_name: HashMap<String, Handle> = HashMap::new();
        let mut stack: Vec<Handle> = fragment.children.borrow().iter().rev().cloned().collect();
        while let Some(n) = stack.pop() {
            if let NodeData::Element { name, attrs, .. } = &n.data {
                if name.ns == ns!(html) && &*name.local == "slot" {
                    let slot_name = attr(&attrs.borrow(), "name").unwrap_or_default();
                    first_by_name.entry(slot_name).or_insert_with(|| n.clone());
                    self.slots.entry(key(&n)).or_default();
                }
                // Only this tree: a nested host's shadow tree is inside its template contents,
                // which `children` does not hold.
                stack.extend(n.children.borrow().iter().rev().cloned());
            }
        }
        for child in host.children.borrow().iter() {
            let name = match &child.data {
                NodeData::Element { attrs, .. } => {
                    attr(&attrs.borrow(), "slot").unwrap_or_default()
                }
                NodeData::Text { .. } => String::new(),
                _ => continue,
            };
            if let Some(slot) = first_by_name.get(&name) {
                self.slots.entry(key(slot)).or_default().push(child.clone());
            }
        }
    }

    /// The DOM's "find flattened slottables": the assigned nodes, or the slot's own element and
    /// text children when none are assigned, with every slot among them replaced by its own.
    fn flatten(&self, slot: &Handle, out: &mut Vec<Handle>) {
        let assigned = &self.slots[&key(slot)];
        let own;
        let nodes: &[Handle] = if assigned.is_empty() {
            own = slot.children.borrow().clone();
            &own
        } else {
            assigned
        };
        for n in nodes {
            match &n.data {
                NodeData::Element { .. } if self.slots.contains_key(&key(n)) => {
                    self.flatten(n, out)
                }
                NodeData::Element { .. } | NodeData::Text { .. } => out.push(n.clone()),
                _ => {}
            }
        }
    }
}

fn attr(attrs: &[Attribute], name: &str) -> Option<String> {
    attrs.iter().find(|a| a.name.ns == ns!() && &*a.name.local == name).map(|a| a.value.to_string())
}

#[cfg(test)]
mod tests {
    use crate::dom::{dump, html, Tag};

    #[test]
    fn declarative_shadow_roots_render_through_their_slots() {
        let page = r#"<body><x-page><template shadowrootmode="open"><header>Site</header>
            <x-card><template shadowrootmode="closed"><h1><slot name="title">Untitled</slot></h1>
            <slot></slot></template><span slot="title">Deep title</span><slot name="body"></slot>
            </x-card><slot name="missing"><i>fallback</i></slot></template>
            <p slot="body">First paragraph.</p><p>Unassigned.</p><b slot="nowhere">Hidden</b>
            </x-page><div><template shadowrootmode="open">A<slot></slot>B</template>text</div>
            <p><template shadowrootmode="open">P</template>x</p>"#;
        let snap = html::parse(page).unwrap();
        let text = snap.find(Tag::Body).unwrap().text_content();
        let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The inner card: its title slot shows the span; its default slot shows the host's
        // children, among them the outer tree's "body" slot, which shows the <p slot="body">.
        // Only the page's default-slotted <p> shows nowhere (x-page's shadow tree has no
        // default slot), and neither does the element assigned to a slot that does not exist.
        assert_eq!(squeezed, "Site Deep title First paragraph. fallbackAtextB P");
        assert!(snap.iter().all(|n| !n.is(Tag::Template)), "{}", dump(&snap));
    }

    #[test]
    fn documents_without_shadow_roots_are_unchanged() {
        let page = "<template><p>inert</p></template><slot><b>own</b></slot><ul><template shadowrootmode=open>t</template></ul>";
        let snap = html::parse(page).unwrap();
        // A <ul> cannot host a shadow root, so its template stays inert; a slot outside any shadow
        // tree shows its own children.
        assert_eq!(snap.find(Tag::Body).map(|b| b.text_content()).unwrap_or_default(), "own");
    }

    #[test]
    fn the_shadow_root_mode_is_read_without_regard_to_case() {
        let page = "<div><template shadowrootmode=OPEN>[<slot></slot>]</template>a</div>\
            <p><template shadowrootmode=Closed>(<slot></slot>)</template>b</p>\
            <span><template shadowrootmode=shut>inert</template>c</span>";
        let snap = html::parse(page).unwrap();
        let body = snap.find(Tag::Body).map(|b| b.text_content()).unwrap_or_default();
        assert_eq!(body, "[a](b)c", "open and closed roots attached, an unknown mode stays inert");
    }
}
