// xwin_capture: reads an X window back with XGetImage over its OWN X connection (never the
// application's), then writes it as PPM, compares it with a reference PPM, and/or reports colour
// statistics that tests can put requirements on.
//
//   xwin_capture (--id WINDOW | --name NAME | --class CLASS) [options]
//     --timeout S        wait up to S seconds for the window and for checks to pass (default 10)
//     --delay S          sleep S seconds after the window is found, before the first capture
//     --settle           capture until two captures 100 ms apart are identical (static scenes)
//     --out FILE         write the capture as binary PPM (P6)
//     --compare REF      compare with REF (PPM); passes when at most --max-diff pixels (default 0)
//                        differ by more than --tolerance (default 0) in any channel. Retried until
//                        the timeout (the window may not be up to date yet); --diff-out FILE writes
//                        a difference image (differing pixels white).
//     --probe            print statistics as key=value lines (see below)
//     --require EXPR     EXPR is KEY OP NUMBER with OP one of >= <= > < (e.g. red_frac>=0.01);
//                        retried until the timeout like --compare. Implies --probe output at the end.
//     --print-id         print the window id (hex) and exit
//   Statistics: width height nonblack_frac red_frac green_frac blue_frac (pixels whose channel is
//   >= 60 and > 1.6 x the other two), centroid_x centroid_y cx_rel cy_rel (centroid of non-black
//   pixels, absolute and relative to the size), nb_minx nb_maxx nb_miny nb_maxy (bounding box of
//   non-black pixels, -1 if none), bbox_cx_rel bbox_cy_rel (centre of that box relative to the
//   size), colors (distinct colours, counted up to 100000). Non-black: any channel > 24.
//   Exit status: 0 pass, 1 comparison/requirement failed, 2 usage error, window not found, X error.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;  // width*height*3
  bool operator==(const Image& o) const { return width == o.width && height == o.height && rgb == o.rgb; }
};

struct Requirement {
  std::string key, op;
  double value = 0;
  std::string text;
};

int g_x_error = 0;
int on_x_error(Display* dpy, XErrorEvent* ev) {
  char buf[256];
  XGetErrorText(dpy, ev->error_code, buf, sizeof buf);
  std::fprintf(stderr, "xwin_capture: X error: %s (request %d)\n", buf, ev->request_code);
  g_x_error = ev->error_code;
  return 0;
}

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr, "xwin_capture: %s\n(see the comment at the top of xwin_capture.cpp for usage)\n", msg);
  std::exit(2);
}

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void sleep_s(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

bool window_matches(Display* dpy, Window w, const std::string& name, const std::string& cls) {
  if (!name.empty()) {
    char* wm_name = nullptr;
    bool match = XFetchName(dpy, w, &wm_name) && wm_name && name == wm_name;
    if (wm_name) XFree(wm_name);
    return match;
  }
  XClassHint hint{};
  if (!XGetClassHint(dpy, w, &hint)) return false;
  bool match = (hint.res_class && cls == hint.res_class) || (hint.res_name && cls == hint.res_name);
  if (hint.res_name) XFree(hint.res_name);
  if (hint.res_class) XFree(hint.res_class);
  return match;
}

// Depth-first search below `root` for a viewable window with that name or class.
std::optional<Window> find_window(Display* dpy, Window root, const std::string& name,
                                  const std::string& cls) {
  Window r, parent, *children = nullptr;
  unsigned n = 0;
  if (!XQueryTree(dpy, root, &r, &parent, &children, &n)) return std::nullopt;
  std::optional<Window> found;
  for (unsigned i = 0; i < n && !found; ++i) {
    XWindowAttributes attr;
    if (!XGetWindowAttributes(dpy, children[i], &attr)) continue;
    if (attr.map_state == IsViewable && window_matches(dpy, children[i], name, cls)) {
      found = children[i];
    } else {
      found = find_window(dpy, children[i], name, cls);
    }
  }
  if (children) XFree(children);
  return found;
}

int mask_shift(unsigned long mask) {
  int s = 0;
  while (mask && !(mask & 1)) mask >>= 1, ++s;
  return s;
}

std::optional<Image> capture(Display* dpy, Window w) {
  XWindowAttributes attr;
  g_x_error = 0;
  if (!XGetWindowAttributes(dpy, w, &attr) || attr.map_state != IsViewable) return std::nullopt;
  XImage* xi = XGetImage(dpy, w, 0, 0, (unsigned)attr.width, (unsigned)attr.height, AllPlanes, ZPixmap);
  XSync(dpy, False);
  if (!xi || g_x_error) {
    if (xi) XDestroyImage(xi);
    return std::nullopt;
  }
  Image img;
  img.width = xi->width;
  img.height = xi->height;
  img.rgb.resize((size_t)img.width * img.height * 3);
  const unsigned long rm = attr.visual->red_mask, gm = attr.visual->green_mask, bm = attr.visual->blue_mask;
  const int rs = mask_shift(rm), gs = mask_shift(gm), bs = mask_shift(bm);
  const unsigned long rmax = rm >> rs, gmax = gm >> gs, bmax = bm >> bs;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      unsigned long p = XGetPixel(xi, x, y);
      uint8_t* o = &img.rgb[((size_t)y * img.width + x) * 3];
      o[0] = (uint8_t)(((p & rm) >> rs) * 255 / (rmax ? rmax : 1));
      o[1] = (uint8_t)(((p & gm) >> gs) * 255 / (gmax ? gmax : 1));
      o[2] = (uint8_t)(((p & bm) >> bs) * 255 / (bmax ? bmax : 1));
    }
  }
  XDestroyImage(xi);
  return img;
}

bool write_ppm(const std::string& path, const Image& img) {
  std::ofstream f(path, std::ios::binary);
  f << "P6\n" << img.width << " " << img.height << "\n255\n";
  f.write(reinterpret_cast<const char*>(img.rgb.data()), (std::streamsize)img.rgb.size());
  return bool(f);
}

std::optional<Image> read_ppm(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  auto token = [&]() {
    std::string t;
    char c;
    while (f.get(c)) {
      if (c == '#') {
        std::string skip;
        std::getline(f, skip);
        continue;
      }
      if (std::isspace((unsigned char)c)) {
        if (!t.empty()) break;
        continue;
      }
      t += c;
    }
    return t;
  };
  if (token() != "P6") return std::nullopt;
  Image img;
  img.width = std::atoi(token().c_str());
  img.height = std::atoi(token().c_str());
  if (token() != "255" || img.width <= 0 || img.height <= 0) return std::nullopt;
  img.rgb.resize((size_t)img.width * img.height * 3);
  f.read(reinterpret_cast<char*>(img.rgb.data()), (std::streamsize)img.rgb.size());
  if (!f) return std::nullopt;
  return img;
}

struct CompareResult {
  bool size_match = false;
  long differing = 0;
  int max_delta = 0;
  int first_x = -1, first_y = -1;
};

CompareResult compare(const Image& a, const Image& b, int tolerance, Image* diff) {
  CompareResult r;
  r.size_match = a.width == b.width && a.height == b.height;
  if (!r.size_match) return r;
  if (diff) *diff = Image{a.width, a.height, std::vector<uint8_t>(a.rgb.size(), 0)};
  for (size_t i = 0; i < (size_t)a.width * a.height; ++i) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a.rgb[i * 3 + c]) - int(b.rgb[i * 3 + c])));
    r.max_delta = std::max(r.max_delta, d);
    if (d > tolerance) {
      if (r.differing++ == 0) r.first_x = int(i % a.width), r.first_y = int(i / a.width);
      if (diff) std::fill_n(&diff->rgb[i * 3], 3, 255);
    }
  }
  return r;
}

std::map<std::string, double> stats(const Image& img) {
  std::map<std::string, double> s;
  const double n = double(img.width) * img.height;
  long nonblack = 0, red = 0, green = 0, blue = 0;
  double sx = 0, sy = 0;
  int minx = -1, maxx = -1, miny = -1, maxy = -1;
  std::set<uint32_t> colors;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      const uint8_t* p = &img.rgb[((size_t)y * img.width + x) * 3];
      int r = p[0], g = p[1], b = p[2];
      if (colors.size() < 100000) colors.insert(uint32_t(r) << 16 | uint32_t(g) << 8 | uint32_t(b));
      if (std::max({r, g, b}) > 24) {
        ++nonblack;
        sx += x, sy += y;
        if (minx < 0 || x < minx) minx = x;
        if (x > maxx) maxx = x;
        if (miny < 0 || y < miny) miny = y;
        if (y > maxy) maxy = y;
      }
      if (r >= 60 && r > 1.6 * std::max(g, b)) ++red;
      if (g >= 60 && g > 1.6 * std::max(r, b)) ++green;
      if (b >= 60 && b > 1.6 * std::max(r, g)) ++blue;
    }
  }
  s["width"] = img.width;
  s["height"] = img.height;
  s["nonblack_frac"] = n > 0 ? nonblack / n : 0;
  s["red_frac"] = n > 0 ? red / n : 0;
  s["green_frac"] = n > 0 ? green / n : 0;
  s["blue_frac"] = n > 0 ? blue / n : 0;
  s["centroid_x"] = nonblack ? sx / nonblack : -1;
  s["centroid_y"] = nonblack ? sy / nonblack : -1;
  s["cx_rel"] = nonblack ? sx / nonblack / img.width : -1;
  s["cy_rel"] = nonblack ? sy / nonblack / img.height : -1;
  s["nb_minx"] = minx;
  s["nb_maxx"] = maxx;
  s["nb_miny"] = miny;
  s["nb_maxy"] = maxy;
  s["bbox_cx_rel"] = nonblack ? (minx + maxx + 1) / 2.0 / img.width : -1;
  s["bbox_cy_rel"] = nonblack ? (miny + maxy + 1) / 2.0 / img.height : -1;
  s["colors"] = double(colors.size());
  return s;
}

Requirement parse_requirement(const std::string& text) {
  for (const char* op : {">=", "<=", ">", "<"}) {
    auto pos = text.find(op);
    if (pos != std::string::npos && pos > 0) {
      Requirement r;
      r.key = text.substr(0, pos);
      r.op = op;
      char* end = nullptr;
      std::string num = text.substr(pos + std::strlen(op));
      r.value = std::strtod(num.c_str(), &end);
      if (num.empty() || *end) usage(("bad number in --require " + text).c_str());
      r.text = text;
      return r;
    }
  }
  usage(("bad --require " + text).c_str());
}

bool holds(const Requirement& r, const std::map<std::string, double>& s) {
  auto it = s.find(r.key);
  if (it == s.end()) usage(("unknown statistic in --require: " + r.key).c_str());
  double v = it->second;
  if (r.op == ">=") return v >= r.value;
  if (r.op == "<=") return v <= r.value;
  if (r.op == ">") return v > r.value;
  return v < r.value;
}

}  // namespace

int main(int argc, char** argv) {
  std::string name, cls, out, ref_path, diff_out;
  Window id = 0;
  double timeout = 10, delay = 0;
  bool settle = false, probe = false, print_id = false;
  int tolerance = 0;
  long max_diff = 0;
  std::vector<Requirement> reqs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto val = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value for " + a).c_str());
      return argv[++i];
    };
    if (a == "--id")
      id = (Window)std::strtoul(val().c_str(), nullptr, 0);
    else if (a == "--name")
      name = val();
    else if (a == "--class")
      cls = val();
    else if (a == "--timeout")
      timeout = std::atof(val().c_str());
    else if (a == "--delay")
      delay = std::atof(val().c_str());
    else if (a == "--settle")
      settle = true;
    else if (a == "--out")
      out = val();
    else if (a == "--compare")
      ref_path = val();
    else if (a == "--tolerance")
      tolerance = std::atoi(val().c_str());
    else if (a == "--max-diff")
      max_diff = std::atol(val().c_str());
    else if (a == "--diff-out")
      diff_out = val();
    else if (a == "--probe")
      probe = true;
    else if (a == "--require")
      reqs.push_back(parse_requirement(val()));
    else if (a == "--print-id")
      print_id = true;
    else
      usage(("unknown argument " + a).c_str());
  }
  if (!id && name.empty() && cls.empty()) usage("need --id, --name or --class");

  Display* dpy = XOpenDisplay(nullptr);
  if (!dpy) {
    std::fprintf(stderr, "xwin_capture: cannot open display\n");
    return 2;
  }
  XSetErrorHandler(on_x_error);
  const double deadline = now() + timeout;

  // Find the window (and wait for it to be viewable).
  Window win = id;
  for (;;) {
    if (!id) {
      auto w = find_window(dpy, DefaultRootWindow(dpy), name, cls);
      if (w) win = *w;
    }
    if (win) {
      XWindowAttributes attr;
      g_x_error = 0;
      if (XGetWindowAttributes(dpy, win, &attr) && !g_x_error && attr.map_state == IsViewable) break;
    }
    if (now() > deadline) {
      std::fprintf(stderr, "xwin_capture: no viewable window %s%s%s after %.1f s\n", name.c_str(),
                   cls.c_str(), id ? std::to_string(id).c_str() : "", timeout);
      return 2;
    }
    if (!id) win = 0;
    sleep_s(0.05);
  }
  if (print_id) {
    std::printf("0x%lx\n", win);
    return 0;
  }
  if (delay > 0) sleep_s(delay);

  std::optional<Image> ref;
  if (!ref_path.empty()) {
    ref = read_ppm(ref_path);
    if (!ref) {
      std::fprintf(stderr, "xwin_capture: cannot read reference PPM %s\n", ref_path.c_str());
      return 2;
    }
  }

  std::optional<Image> img, previous;
  bool pass = false;
  std::string why;
  for (;;) {
    img = capture(dpy, win);
    if (!img) {
      std::fprintf(stderr, "xwin_capture: XGetImage failed (window gone or not viewable)\n");
      return 2;
    }
    bool stable = !settle || (previous && *previous == *img);
    previous = img;
    if (stable) {
      pass = true;
      why.clear();
      if (ref) {
        Image diff;
        CompareResult r = compare(*img, *ref, tolerance, diff_out.empty() ? nullptr : &diff);
        std::ostringstream m;
        if (!r.size_match) {
          m << "size " << img->width << "x" << img->height << " differs from reference " << ref->width << "x"
            << ref->height;
          pass = false;
        } else {
          m << "differing_pixels=" << r.differing << " max_delta=" << r.max_delta << " (tolerance "
            << tolerance << ", allowed " << max_diff << ")";
          if (r.differing) m << " first at (" << r.first_x << "," << r.first_y << ")";
          if (r.differing > max_diff) pass = false;
          if (!diff_out.empty()) write_ppm(diff_out, diff);
        }
        why += m.str() + "\n";
      }
      if (!reqs.empty()) {
        auto s = stats(*img);
        for (const auto& rq : reqs) {
          if (!holds(rq, s)) {
            pass = false;
            std::ostringstream m;
            m << "requirement failed: " << rq.text << " (" << rq.key << "=" << s[rq.key] << ")\n";
            why += m.str();
          }
        }
      }
      if (pass) break;
    }
    if (now() > deadline) {
      if (!stable) why += "window content did not settle\n";
      break;
    }
    sleep_s(0.1);
  }

  if (!out.empty() && !write_ppm(out, *img)) {
    std::fprintf(stderr, "xwin_capture: cannot write %s\n", out.c_str());
    return 2;
  }
  if (probe || !reqs.empty()) {
    for (const auto& [k, v] : stats(*img)) std::printf("%s=%g\n", k.c_str(), v);
  }
  if (!why.empty()) std::fputs(why.c_str(), pass ? stdout : stderr);
  std::fflush(stdout);
  XCloseDisplay(dpy);
  return pass ? 0 : 1;
}
