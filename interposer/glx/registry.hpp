// Every GLX object eglrun hands out, per X display: configs, drawables and contexts, so that handles
// coming back from the application can be checked before use.
#pragma once

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "drawable/drawable.hpp"
#include "glx/context.hpp"
#include "glx/fbconfig.hpp"

namespace eglrun::glx {

// The opcode and bases eglrun answers for "GLX" on a server that may not have it.
struct ExtensionCodes {
  int major_opcode = 0, first_event = 0, first_error = 0;
};

struct ScreenState {
  std::vector<FBConfigDesc> configs;  // never resized after creation: pointers into it are handles
  std::vector<VisualTraits> visuals;
};

struct DisplayState {
  Display* dpy = nullptr;
  std::vector<std::unique_ptr<ScreenState>> screens;  // by screen number, filled on first use
  std::unordered_map<XID, std::shared_ptr<drawable::Drawable>> drawables;  // by GLXDrawable handle
  // The config glXChooseVisual picked for the XVisualInfo it returned, so that glXCreateContext
  // with that visual gets that config (many configs share a visual).
  std::unordered_map<VisualID, const FBConfigDesc*> chosen_for_visual;
  ExtensionCodes codes;
  bool codes_ready = false;
};

class Registry {
 public:
  static Registry& instance();

  std::recursive_mutex mutex;

  DisplayState& display(Display* dpy);       // created on first use
  DisplayState* find_display(Display* dpy);  // nullptr if never seen
  std::unique_ptr<DisplayState> remove_display(Display* dpy);

  // Configs of a screen (derived on first use); nullptr if the screen is invalid or EGL is unusable.
  const ScreenState* screen(Display* dpy, int screen);
  // Finds which screen's list holds this config pointer; nullptr when it is not one of ours.
  const FBConfigDesc* validate_config(Display* dpy, const void* handle);

  std::shared_ptr<drawable::Drawable> find_drawable(Display* dpy, XID handle);

  bool is_context(const Context* ctx) const { return contexts_.count(const_cast<Context*>(ctx)) != 0; }
  void add_context(Context* ctx) { contexts_.insert(ctx); }
  void remove_context(Context* ctx) { contexts_.erase(ctx); }
  Context* find_context_by_id(XID id) const;
  const std::unordered_set<Context*>& contexts() const { return contexts_; }

 private:
  std::unordered_map<Display*, std::unique_ptr<DisplayState>> displays_;
  std::unordered_set<Context*> contexts_;
};

}  // namespace eglrun::glx
