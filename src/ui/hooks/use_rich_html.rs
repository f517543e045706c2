//! An article's feed HTML, made safe, put into the page.

use crate::ui::html::sanitize::sanitize;
use std::rc::Rc;
use yew::prelude::*;

/// Fills the element `node` (which the render leaves empty) with the safe
/// rendering of `html` (the article `key`'s `content_html`; relative URLs
/// resolve against `base`), rebuilt once per article by the allow-list
/// sanitizer. Returns whether it holds anything readable: if not, the
/// caller shows the article's text instead. The nodes are built in an
/// effect, never in a render (a server render has no DOM, and shows the text).
#[hook]
pub fn use_rich_html(node: &NodeRef, key: Rc<str>, html: Option<String>, base: AttrValue) -> bool {
    let readable = use_state_eq(|| false);
    {
        let (node, readable) = (node.clone(), readable.clone());
        use_effect_with((key, html, base), move |(_, html, base)| {
            let Some(target) = node.cast::<web_sys::Element>() else {
                return;
            };
            // (Our own nodes from the article before: never the feed's string.)
            target.set_text_content(None);
            let built = html.as_deref().and_then(|h| sanitize(h, base));
            if let Some(root) = &built {
                while let Some(child) = root.first_child() {
                    let _ = target.append_child(&child);
                }
            }
            readable.set(built.is_some());
        });
    }
    *readable
}
