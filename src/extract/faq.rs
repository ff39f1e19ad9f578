//! A FAQ a page marks with schema.org microdata (a service page's questions, written for search
//! engines' FAQ results): each entry is a question over a short answer, often set in links and
//! accordion boxes that cleaning reads as a link list. The marked FAQ is kept as it is. Only a
//! `FAQPage`: a Q&A thread's `Question` and `Answer` items are posts, cleaned as posts are.

use crate::dom::NodeRef;

/// True for an element that is a FAQ in microdata.
pub fn is_faq(n: NodeRef) -> bool {
    n.attr("itemtype").is_some_and(|t| t.trim_end().ends_with("/FAQPage"))
}
