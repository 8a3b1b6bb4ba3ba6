// asyncio playground: the helper for pages that embed it. Include it once in a course page
// (<script src=".../embed.js" defer></script>) and every playground iframe on the page is sized
// to its content, with no scrollbar: each frame posts {type: "asyncio-playground:size", height}
// whenever its content's height changes (see the README's Embedding section).
(function () {
  'use strict';
  if (window.asyncioPlaygroundEmbed) return; // included twice: once is enough
  window.asyncioPlaygroundEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'asyncio-playground:size') return;
    var height = Number(data.height);
    if (!(height > 0 && height < 100000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      frame.setAttribute('scrolling', 'no');
      frame.style.overflow = 'hidden';
      frame.style.boxSizing = 'content-box';
      frame.style.height = Math.ceil(height) + 'px';
    }
  });
})();
