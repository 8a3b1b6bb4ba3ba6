//! Assigning to and deleting slices of a list (`a[1:3] = ...`, `del a[::2]`), as CPython's
//! `list_ass_slice` and `list_ass_subscript` do.

use super::{Ctrl, Cx};
use crate::value::Items;
use crate::value::Value;
use std::cell::RefCell;

impl Cx {
    /// `l[s] = v`: a simple slice takes any number of items; an extended one (a step other
    /// than 1) exactly as many as it selects.
    pub(super) fn set_slice(&self, l: &RefCell<Items>, s: &(Value, Value, Value), v: &Value) -> Result<(), Ctrl> {
        let len = l.borrow().len();
        let (start, stop, step) = self.slice_bounds(len, s)?;
        let items = self.iterate(v).map_err(|_| {
            self.type_err(if step == 1 {
                "can only assign an iterable"
            } else {
                "must assign iterable to extended slice"
            })
        })?;
        if step == 1 {
            let (start, stop) = (start as usize, stop.max(start) as usize);
            let old: Vec<Value> = l.borrow_mut().splice(start..stop, items).collect();
            drop(old);
            return Ok(());
        }
        let at = self.slice_indices(len, s)?;
        if at.len() != items.len() {
            return Err(self.err(
                "ValueError",
                format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), at.len()),
            ));
        }
        let mut old = Vec::with_capacity(at.len());
        for (k, item) in at.into_iter().zip(items) {
            old.push(std::mem::replace(&mut l.borrow_mut()[k], item));
        }
        drop(old);
        Ok(())
    }

    /// `del l[s]`.
    pub(super) fn del_slice(&self, l: &RefCell<Items>, s: &(Value, Value, Value)) -> Result<(), Ctrl> {
        let len = l.borrow().len();
        let mut gone = vec![false; len];
        for k in self.slice_indices(len, s)? {
            gone[k] = true;
        }
        let mut k = 0;
        let mut old = Vec::new();
        let kept: Vec<Value> = l
            .borrow_mut()
            .drain(..)
            .filter_map(|v| {
                k += 1;
                if gone[k - 1] {
                    old.push(v);
                    None
                } else {
                    Some(v)
                }
            })
            .collect();
        *l.borrow_mut() = kept.into();
        drop(old);
        Ok(())
    }
}
