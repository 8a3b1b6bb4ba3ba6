//! A worker slot's bookkeeping of its calls, the same for every pool ([`crate::slots`]).

/// What every slot knows of its worker: whether it said it is ready, why it cannot run
/// calls (it died, or could not start), the call under way (its id, and what the pool keeps
/// with it), and how the last call ended.
pub struct Calls<C, R> {
    /// It said it is ready.
    pub ready: bool,
    /// Why it cannot run calls, if it cannot.
    pub failed: Option<String>,
    /// The call under way.
    pub call: Option<(u32, C)>,
    /// How the last call ended: its reply, or why it failed.
    pub result: Option<Result<R, String>>,
}

impl<C, R> Default for Calls<C, R> {
    fn default() -> Self {
        Calls { ready: false, failed: None, call: None, result: None }
    }
}

impl<C, R> Calls<C, R> {
    /// What the pool keeps with `call`, if it is the call under way (an answer for another
    /// call is not its to hear).
    pub fn current(&mut self, call: u32) -> Option<&mut C> {
        self.call.as_mut().filter(|(c, _)| *c == call).map(|(_, kept)| kept)
    }

    /// Whether `call` is the call under way.
    pub fn is_current(&self, call: u32) -> bool {
        self.call.as_ref().is_some_and(|(c, _)| *c == call)
    }

    /// `call` ended with `result`, if it is the call under way.
    pub fn end(&mut self, call: u32, result: Result<R, String>) {
        if self.is_current(call) {
            self.call = None;
            self.result = Some(result);
        }
    }

    /// The worker died (`why`, in words): a call under way fails with it.
    pub(crate) fn died(&mut self, why: String) {
        if self.call.take().is_some() {
            self.result = Some(Err(why.clone()));
        }
        self.failed = Some(why);
    }
}
