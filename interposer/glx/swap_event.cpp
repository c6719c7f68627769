// How the event gets there. XSendEvent of an event with GLX's type is refused by the server (BadValue:
// the type belongs to no extension it knows), and XPutBackEvent would queue events last-in first-out
// without waking a thread blocked in XNextEvent. So the swap is announced with a ClientMessage that
// the application's own connection sends to the window (with an empty mask the server delivers it to
// the window's creator, the application), and a wire-to-event hook for ClientMessage on that display
// turns it back into a GLXBufferSwapComplete event before Xlib queues it. Other ClientMessages go to
// the converter that was there before.
#include "glx/swap_event.hpp"

#include <GL/glx.h>
#include <GL/glxext.h>
#include <X11/Xproto.h>

#include <map>
#include <mutex>
#include <unordered_map>

#include "glx/errors.hpp"
#include "log/log.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

// From Xlibint.h, which cannot be included with the C++ library (it defines min and max).
extern "C" unsigned long _XSetLastRequestRead(Display* dpy, xGenericReply* rep);
extern "C" Bool (*XESetWireToEvent(Display* dpy, int event_number,
                                   Bool (*proc)(Display*, XEvent*, xEvent*)))(Display*, XEvent*, xEvent*);

namespace eglrun::glx {

namespace {

using WireToEvent = Bool (*)(Display*, XEvent*, xEvent*);

struct Pending {
  XID drawable;
  int64_t ust, msc, sbc;
};

struct Hooked {
  WireToEvent previous = nullptr;
  Atom atom = 0;
  int event_type = 0;  // first_event + GLX_BufferSwapComplete
};

// Never taken while calling Xlib: the converter runs with the display locked.
std::mutex g_mutex;
std::unordered_map<Display*, Hooked> g_hooked;
std::map<uint32_t, Pending> g_pending;
uint32_t g_next = 1;

Bool convert(Display* dpy, XEvent* out, xEvent* wire) {
  WireToEvent previous = nullptr;
  {
    std::lock_guard lock(g_mutex);
    auto it = g_hooked.find(dpy);
    if (it == g_hooked.end()) return False;
    previous = it->second.previous;
    const auto& cm = wire->u.clientMessage;
    if ((wire->u.u.type & 0x7f) == ClientMessage && wire->u.u.detail == 32 &&
        cm.u.l.type == it->second.atom) {
      auto p = g_pending.find(static_cast<uint32_t>(cm.u.l.longs0));
      if (p == g_pending.end()) return False;  // not ours after all: drop it
      auto* ev = reinterpret_cast<GLXBufferSwapComplete*>(out);
      ev->type = it->second.event_type;
      ev->serial = _XSetLastRequestRead(dpy, reinterpret_cast<xGenericReply*>(wire));
      ev->send_event = False;
      ev->display = dpy;
      ev->drawable = p->second.drawable;
      ev->event_type = GLX_EXCHANGE_COMPLETE_INTEL;  // eglrun's swaps copy the back buffer
      ev->ust = p->second.ust;
      ev->msc = p->second.msc;
      ev->sbc = p->second.sbc;
      g_pending.erase(p);
      return True;
    }
  }
  return previous ? previous(dpy, out, wire) : False;
}

}  // namespace

void enable_swap_events(Display* dpy) {
  {
    std::lock_guard lock(g_mutex);
    if (g_hooked.count(dpy)) return;
  }
  const int event_type = extension_codes(dpy).first_event + GLX_BufferSwapComplete;
  Atom atom = XInternAtom(dpy, "_EGLRUN_GLX_SWAP_COMPLETE", False);
  std::lock_guard lock(g_mutex);
  Hooked h;
  h.atom = atom;
  h.event_type = event_type;
  h.previous = XESetWireToEvent(dpy, ClientMessage, convert);
  g_hooked[dpy] = h;
  log::debug("GLX_INTEL_swap_event: ClientMessage conversion hooked on display {:p}",
             static_cast<void*>(dpy));
}

void send_swap_complete(Display* dpy, XID drawable, XID window, int64_t ust, int64_t msc, int64_t sbc) {
  Atom atom = 0;
  uint32_t key = 0;
  {
    std::lock_guard lock(g_mutex);
    auto it = g_hooked.find(dpy);
    if (it == g_hooked.end()) return;
    atom = it->second.atom;
    key = g_next++;
    if (g_pending.size() > 4096) g_pending.erase(g_pending.begin());  // a client that never reads events
    g_pending[key] = Pending{drawable, ust, msc, sbc};
  }
  XEvent ev{};
  ev.xclient.type = ClientMessage;
  ev.xclient.window = window;
  ev.xclient.message_type = atom;
  ev.xclient.format = 32;
  ev.xclient.data.l[0] = static_cast<long>(key);
  XSendEvent(dpy, window, False, NoEventMask, &ev);
  XFlush(dpy);
}

}  // namespace eglrun::glx
