// Presenter mode: large type and strong contrast for the beamer, on and off with the header's
// button (remembered by the browser). The map redraws its canvas at the new size.
export function enablePresenter(button, map) {
  const set = (on) => {
    document.body.classList.toggle('presentatie', on);
    button.setAttribute('aria-pressed', String(on));
    localStorage.setItem('wijkatlas.presentatie', on ? 'ja' : 'nee');
    map.updateSize();
  };
  button.addEventListener('click', () => set(!document.body.classList.contains('presentatie')));
  set(localStorage.getItem('wijkatlas.presentatie') === 'ja');
}
