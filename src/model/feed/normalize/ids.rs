//! Ids and keys: an exact repeat of an earlier item collapses; a different
//! item that reuses an id is kept under a key of its own, so keys are
//! unique (safe as list keys).

use crate::model::feed::raw::Entry;
use crate::model::feed::report::{NoteKind, Report};
use crate::model::names::{names, Names};
use std::rc::Rc;

/// The ids and keys given out so far.
pub(super) struct Ids {
    /// Each id seen → its group in `same_ids`.
    seen: Names,
    /// Per id: the items (by index) that used it.
    same_ids: Vec<Vec<usize>>,
    keys: Names,
}

impl Default for Ids {
    fn default() -> Ids {
        Ids {
            seen: names(),
            same_ids: Vec::new(),
            keys: names(),
        }
    }
}

/// Where an item goes.
pub(super) enum Placed {
    /// An exact repeat of an earlier item: shown once.
    Repeat,
    /// Its key.
    Key(Rc<str>),
}

impl Ids {
    /// Places item `index` of `entries`, whose id is `id`.
    pub fn place(
        &mut self,
        id: &str,
        index: usize,
        entries: &[Entry],
        report: &mut Report,
    ) -> Placed {
        let group = match self.seen.get(id) {
            Some(&g) => g,
            None => {
                self.seen.insert(Rc::from(id), self.same_ids.len());
                self.same_ids.push(Vec::new());
                self.same_ids.len() - 1
            }
        };
        let same_id = &mut self.same_ids[group];
        if same_id.iter().any(|&j| same(&entries[j], &entries[index])) {
            report.note_item(index, NoteKind::Repeat);
            return Placed::Repeat;
        }
        if !same_id.is_empty() {
            report.note_item(index, NoteKind::DuplicateId { id: id.to_string() });
        }
        same_id.push(index);
        let mut key: Rc<str> = Rc::from(id);
        let mut n = 2;
        while self.keys.contains_key(&key) {
            key = Rc::from(format!("{id}~{n}"));
            n += 1;
        }
        self.keys.insert(key.clone(), 0);
        Placed::Key(key)
    }
}

/// Whether two entries are the same item, exactly.
fn same(a: &Entry, b: &Entry) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b)
}
