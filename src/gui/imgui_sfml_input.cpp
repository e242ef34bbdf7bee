// SFML -> Dear ImGui input adapter: the platform half of the window; rendering is ImGui's OpenGL 2 backend.
#include "imgui_sfml_input.h"

#include <cfloat>
#include <string>

#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Mouse.hpp>
#include <imgui.h>

namespace tsunagari {

namespace {

// A press and release within one frame must still reach ImGui as a click.
bool g_pressedThisFrame[3] = {false, false, false};
std::string g_clipboard;  // keeps the UTF-8 text alive for ImGui between calls

const char* getClipboard(void*) {
    const auto utf32 = sf::Clipboard::getString().toUtf32();
    g_clipboard.clear();
    for (char32_t c : utf32) {
        if (c < 0x80) {
            g_clipboard += char(c);
        } else if (c < 0x800) {
            g_clipboard += char(0xC0 | (c >> 6));
            g_clipboard += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            g_clipboard += char(0xE0 | (c >> 12));
            g_clipboard += char(0x80 | ((c >> 6) & 0x3F));
            g_clipboard += char(0x80 | (c & 0x3F));
        } else {
            g_clipboard += char(0xF0 | (c >> 18));
            g_clipboard += char(0x80 | ((c >> 12) & 0x3F));
            g_clipboard += char(0x80 | ((c >> 6) & 0x3F));
            g_clipboard += char(0x80 | (c & 0x3F));
        }
    }
    return g_clipboard.c_str();
}

void setClipboard(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

int buttonIndex(sf::Mouse::Button b) {
    switch (b) {
        case sf::Mouse::Left: return 0;
        case sf::Mouse::Right: return 1;
        case sf::Mouse::Middle: return 2;
        default: return -1;
    }
}

}  // namespace

void imguiSfmlInit() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "tsunagari_sfml_input";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
}

void imguiSfmlProcessEvent(const sf::Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
        case sf::Event::MouseMoved:
            io.MousePos = ImVec2(float(event.mouseMove.x), float(event.mouseMove.y));
            break;
        case sf::Event::MouseLeft:
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        case sf::Event::MouseButtonPressed: {
            const int b = buttonIndex(event.mouseButton.button);
            if (b >= 0) g_pressedThisFrame[b] = true;
            break;
        }
        case sf::Event::MouseWheelScrolled:
            if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) io.MouseWheel += event.mouseWheelScroll.delta;
            else io.MouseWheelH += event.mouseWheelScroll.delta;
            break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            const bool down = event.type == sf::Event::KeyPressed;
            const int code = int(event.key.code);
            if (code >= 0 && code < int(sizeof(io.KeysDown) / sizeof(io.KeysDown[0]))) io.KeysDown[code] = down;
            io.KeyCtrl = event.key.control;
            io.KeyShift = event.key.shift;
            io.KeyAlt = event.key.alt;
            io.KeySuper = event.key.system;
            break;
        }
        case sf::Event::TextEntered:
            // Control characters arrive as key presses; ImGui wants only printable text here.
            if (event.text.unicode >= 32 && event.text.unicode != 127) io.AddInputCharacter(event.text.unicode);
            break;
        case sf::Event::GainedFocus: io.AddFocusEvent(true); break;
        case sf::Event::LostFocus: io.AddFocusEvent(false); break;
        default: break;
    }
}

void imguiSfmlNewFrame(const sf::Window& window, float deltaSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    const auto size = window.getSize();
    io.DisplaySize = ImVec2(float(size.x), float(size.y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = deltaSeconds > 0.0f ? deltaSeconds : 1.0f / 60.0f;
    const bool focused = window.hasFocus();
    const sf::Mouse::Button buttons[3] = {sf::Mouse::Left, sf::Mouse::Right, sf::Mouse::Middle};
    for (int i = 0; i < 3; ++i) {
        io.MouseDown[i] = g_pressedThisFrame[i] || (focused && sf::Mouse::isButtonPressed(buttons[i]));
        g_pressedThisFrame[i] = false;
    }
}

}  // namespace tsunagari
