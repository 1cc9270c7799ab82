"""The session as the GUI thread holds it: one owner for each piece of state, and the edit intents on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.datasets import MAX_CLASSES, MAX_POINTS, TEST, TRAIN, VAL, Dataset, DatasetSpec, make_dataset
from micrograd_gui.core.files.session_file import Session, SessionError
from micrograd_gui.core.files.session_ui import check_ui
from micrograd_gui.core.history import LossHistory
from micrograd_gui.core.lessons import Lesson, get_lesson
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.scratch import EXAMPLES
from micrograd_gui.core.snapshot import Snapshot
from micrograd_gui.core.trainer import TrainerState, data_problem_parts

from .controller import Controller
from .scratch_model import ScratchModel
from .teacher_mode import CONTROLS, Teacher
from .undo import SwapCommand
from .view_options import ViewOptions, from_ui, to_ui

NETWORK_FIELDS = ("loss", "stable_softmax", "hidden", "activation", "init_scale", "seed", "features")  # apply on Reset
LIVE_FIELDS = ("optimizer", "l2", "l1", "batch_size")  # apply from the next step
Actions = tuple[tuple[str, Callable[[], object]], ...]  # a message's buttons: (label, what it does)
UNDO_LIMIT = 100  # point edits Ctrl+Z can take back: ~30 MB at 5,000 points, however long the class goes on
DEFAULT_RATE = 30.0  # steps per second: a class sees the regions change over seconds ("As fast as possible": 0)
LESSON_LOCKS = ("points", "dataset", "network", "learning_rate", "optimizer")  # what starting a lesson changes


@dataclass(frozen=True)
class NeuronRef:
    """A node of the network view: its index (inputs first, theta's order), name, and the layer sizes it is of."""

    node: int
    name: str
    sizes: tuple[int, ...]


class AppModel(QObject):
    """Panels call the intents and subscribe to the signals; the model tells the controller what the worker needs."""

    data_changed = Signal(object)  # Dataset
    settings_changed = Signal(object)  # TrainConfig: what the panels show (edited)
    pending_changed = Signal(bool)  # network settings edited that apply on Reset
    probe_changed = Signal(float, float, int)
    probe_selected = Signal()  # the user picked a data point as the probe: the graph should show
    active_class_changed = Signal(int)
    new_split_changed = Signal(int)  # the split hand-placed points get
    capacity_changed = Signal(int)
    play_blocked = Signal(str)  # why Play cannot run now, translated; "" when it can
    lesson_changed = Signal(object)  # Lesson | None
    lesson_started = Signal(object)  # Lesson: its panels should show (before its run starts)
    teacher_changed = Signal(object)  # Teacher
    view_changed = Signal(object)  # ViewOptions
    rate_changed = Signal(float)  # steps/s, 0 = as fast as possible
    panel_shown = Signal(str, bool)  # "graph", "network", "optimizer": what the worker's snapshots carry
    message = Signal(str, str, object)  # text, kind (info / warning / error), Actions
    dismissed = Signal(str)  # hide the message if it is of this kind ("" any)
    snapshot = Signal(object)  # the worker's Snapshot, after the model took what it keeps from it
    neuron_previewed = Signal(object)  # NeuronRef | None: the neuron under the pointer in the network view

    def __init__(self, config: TrainConfig, controller: Controller, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.applied = config
        self.edited = config
        self._data = make_dataset(config.dataset, RNG(config.seed))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # each step holds a whole point set: bounded memory at 5,000 points
        self.probe = (0.0, 0.0, 0)  # LLM101n's probe: the origin, class 0
        self.active_class = 0
        self.capacity = max(config.dataset.classes, 2)
        self.lesson: Lesson | None = None
        self.teacher = Teacher()
        self.view = ViewOptions()
        self.rate = DEFAULT_RATE
        self.new_split = TRAIN  # the split of a point added by hand
        self.history = LossHistory()
        self.scratch = ScratchModel(EXAMPLES["product"], parent=self)  # the Scratchpad's text and slider values
        self.snapshots_drawn = 0
        self.previewed: NeuronRef | None = None
        self._drag_serial = 0
        self._drag: int | None = None
        controller.snapshot.connect(self._on_snapshot)
        controller.failed.connect(self._on_failed)
        controller.diverged.connect(self._on_diverged)
        controller.reached.connect(self._on_reached)

    def start(self) -> None:
        """Send the worker the data and probe; call once the panels have subscribed."""
        self._set_data(self._data)
        self.controller.set_probe(*self.probe)
        self.controller.set_rate(self.rate)

    # ---- points -------------------------------------------------------------------------------
    @property
    def data(self) -> Dataset:
        return self._data

    def _set_data(self, data: Dataset) -> None:
        self._data = data
        self.data_changed.emit(data)
        self.controller.set_data(data)
        self._check_play()

    def _edit_points(self, after: Dataset, text: str, drag: int | None = None) -> None:
        if after != self._data:
            self.undo_stack.push(SwapCommand(self._set_data, self._data, after, text, drag))

    def add_point(self, x: float, y: float, shift: bool = False) -> None:
        """A click on the plane: a point of the active class (shift: the next class)."""
        if self._refused(("points",)):
            return
        if len(self._data) >= MAX_POINTS:
            self.say(self.tr("The plane holds at most {n} points; remove some first.").format(n=MAX_POINTS), "warning")
            return
        c = (self.active_class + 1) % MAX_CLASSES if shift else self.active_class
        if c >= self.capacity and self._refused(("reset",)):  # a new class re-initialises the weights
            return
        self._edit_points(self._data.with_point(x, y, c, self.new_split), f"add a class {c + 1} point")
        if c >= self.capacity:
            self.say(self.tr("Class {n} added: the output layer grew to {n} outputs and the weights were "
                         "re-initialised.").format(n=c + 1), "info")
            self._reset()

    def move_point(self, i: int, x: float, y: float, finished: bool = True) -> None:
        """One move of a drag; the moves of one drag are one undo step."""
        if self._refused(("points",)):
            return
        if self._drag is None:
            self._drag_serial += 1
            self._drag = self._drag_serial
        self._edit_points(self._data.moved(i, x, y), "move a point", self._drag)
        if finished:
            self._drag = None

    def set_new_split(self, split: int) -> None:
        """The split of the points the next clicks add: TRAIN, VAL or TEST."""
        if split in (TRAIN, VAL, TEST):
            self.new_split = split
            self.new_split_changed.emit(split)

    def cycle_split(self, i: int) -> None:
        """Alt-click on a point: train -> validation -> test -> train."""
        if not self._refused(("points",)):
            self._edit_points(self._data.resplit(i, (self._data.splits[i] + 1) % 3), "change a point's split")

    def remove_point(self, i: int) -> None:
        if not self._refused(("points",)):
            self._edit_points(self._data.without(i), "remove a point")

    def clear_points(self) -> None:
        if not self._refused(("points",)):
            self._edit_points(self._data.cleared(), "clear all points")

    def replace_points(self, data: Dataset, text: str) -> bool:
        """New points (an import): undoable; the model grows first if they bring new classes."""
        grows = max(data.labels, default=0) + 1 > self.capacity
        if self._refused(("points", "reset") if grows else ("points",)):
            return False
        self._edit_points(data, text)
        if grows:
            self._reset()
        return True

    def undo(self) -> None:
        """Ctrl+Z of the points' history (points, regenerated data, a lesson's start)."""
        if not self._refused(("points",)):
            self.undo_stack.undo()

    def redo(self) -> None:
        if not self._refused(("points",)):
            self.undo_stack.redo()

    def regenerate(self, spec: DatasetSpec) -> None:
        """Draw a dataset from the edited seed and re-initialise the model."""
        if self._refused(("dataset",)):
            return
        config = self.edited.with_changes(dataset=spec)
        try:
            config.validate()
        except ConfigError as e:
            self.say(str(e), "error")
            return
        self._edit_points(make_dataset(spec, RNG(config.seed)), f"regenerate {spec.kind}")
        self._reset(config)

    # ---- classes ------------------------------------------------------------------------------
    def set_active_class(self, c: int) -> None:
        if 0 <= c < MAX_CLASSES:
            self.active_class = c
            self.active_class_changed.emit(c)

    def _check_play(self) -> None:
        self.play_blocked.emit(self.play_reason())

    def play_reason(self) -> str:
        """Why Play cannot run on these points, said as what to do; "" when it can."""
        problem = data_problem_parts(self._data, self.capacity)
        return "" if problem is None else QCoreApplication.translate("Trainer", problem[0]).format(**problem[1])

    # ---- settings -----------------------------------------------------------------------------
    def edit(self, **changes: object) -> None:
        """Settings edited in a panel: optimizer, L2, L1 and batch apply from the next step, the network on Reset."""
        if not changes:
            return
        before = self.edited
        self.edited = before.with_changes(**changes)
        if any(getattr(before, f) != getattr(self.edited, f) for f in LIVE_FIELDS):
            self.controller.set_live(self.applied.with_changes(**{f: getattr(self.edited, f) for f in LIVE_FIELDS}))
        self.pending_changed.emit(self.pending())

    def edit_optimizer(self, **changes: object) -> None:
        self.edit(optimizer=replace(self.edited.optimizer, **changes))  # type: ignore[arg-type]

    def pending(self) -> bool:
        return any(getattr(self.edited, f) != getattr(self.applied, f) for f in NETWORK_FIELDS)

    def reset(self) -> None:
        """Re-initialise the model from the seed with the edited settings (R, Reset)."""
        if not self._refused(("reset",)):
            self._reset()

    def _reset(self, config: TrainConfig | None = None) -> None:
        config = config or self.edited
        self.applied = self.edited = config
        self.pending_changed.emit(False)
        self.dismissed.emit("error")
        self.controller.reset(config, self._data)

    def _load_config(self, config: TrainConfig) -> None:
        self.applied = self.edited = config
        self.settings_changed.emit(config)
        self.pending_changed.emit(False)

    # ---- running ------------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.play_reason() and not self.controller.running:
            return
        self.controller.toggle()

    def step(self, n: int = 1) -> None:
        if not self.play_reason() and not self.controller.running:
            self.controller.step(n)

    def set_rate(self, steps_per_second: float) -> None:
        """The pace of Play, in steps per second (0: as fast as possible)."""
        if self._refused(("speed",)):
            self.rate_changed.emit(self.rate)  # the chooser goes back to the locked pace
            return
        self.rate = float(steps_per_second)
        self.controller.set_rate(self.rate)
        self.rate_changed.emit(self.rate)

    def show_panel(self, name: str, visible: bool) -> None:
        """A view opened or closed: snapshots carry what the open ones draw (the probe graph, neuron maps, ...)."""
        {"graph": self.controller.set_graph_visible, "network": self.controller.set_network_visible,
         "optimizer": self.controller.set_optimizer_visible}[name](visible)
        self.panel_shown.emit(name, visible)

    def set_param(self, index: int, value: float, run: int) -> None:
        """A weight typed in the network view, for the run it was typed in."""
        self.controller.set_param(index, value, run)

    def preview_neuron(self, neuron: NeuronRef | None) -> None:
        """The pointer is on this neuron of the network view (None: on none): the plane shows its map meanwhile."""
        if neuron != self.previewed:
            self.previewed = neuron
            self.neuron_previewed.emit(neuron)

    # ---- the probe ----------------------------------------------------------------------------
    def set_probe(self, x: float, y: float, label: int | None = None) -> None:
        """The point (and class) whose loss the graph view shows."""
        self.probe = (float(x), float(y), self.probe[2] if label is None else int(label))
        self.probe_changed.emit(*self.probe)
        self.controller.set_probe(*self.probe)

    def set_probe_label(self, label: int) -> None:
        self.set_probe(self.probe[0], self.probe[1], label)

    def select_point(self, i: int) -> None:
        d = self._data
        self.set_probe(d.xs[i], d.ys[i], d.labels[i])
        self.probe_selected.emit()

    # ---- view, lesson, teacher ----------------------------------------------------------------
    def set_view(self, **changes: object) -> None:
        view = replace(self.view, **changes)  # type: ignore[arg-type]
        if view != self.view:
            if view.regions != self.view.regions:
                self.controller.set_grid_visible(view.regions)  # no regions shown: no decision map computed
            self.view = view
            self.view_changed.emit(view)

    def set_teacher(self, hidden: set[str] | frozenset[str], locked: set[str] | frozenset[str]) -> None:
        known = set(CONTROLS)
        self.teacher = Teacher(frozenset(hidden) & known, frozenset(locked) & known)
        self.teacher_changed.emit(self.teacher)

    def start_lesson(self, lesson: Lesson) -> None:
        """Data, model, optimizer, pace and instructions of one lesson, as one undoable step (Ctrl+Z goes back to the
        points and the network before it)."""
        if lesson.scratch:  # the Scratchpad at an example: points, network and run stay as they are
            self.scratch.set_text(EXAMPLES[lesson.scratch])
            self.lesson_started.emit(lesson)
            self.show_lesson(lesson)
            self.dismissed.emit("")
            return
        if self._refused(LESSON_LOCKS):
            return
        self.controller.pause()
        title = QCoreApplication.translate("Lessons", lesson.title)
        before = (self._data, self.applied, self.lesson)
        after = (make_dataset(lesson.config.dataset, RNG(lesson.config.seed)), lesson.config, lesson)
        text = self.tr("lesson: {title}").format(title=title)
        self.undo_stack.push(SwapCommand(self._set_scene, before, after, text))
        self.dismissed.emit("")

    def _set_scene(self, scene: tuple[Dataset, TrainConfig, Lesson | None]) -> None:
        """Points, settings and lesson together: a lesson started, or undone back to what was before it."""
        data, config, lesson = scene
        self._load_config(config)
        self.teacher_changed.emit(self.teacher)  # a new config re-shows rows the teacher hid
        self._set_data(data)
        self.controller.set_pause_at(lesson.pause_at if lesson else None)
        if lesson is not None:
            self.lesson_started.emit(lesson)
            self.set_probe(*lesson.probe)
            if not self._locked(("speed",)):
                self.set_rate(lesson.rate)
            self.set_view(**{"regions": True, "hard": False, "contour": False, "show_val": True, "show_test": True,
                             **dict(lesson.view)})
        # after the probe and the panels: the new run's first snapshot carries them
        self.controller.reset(config, data)
        self.show_lesson(lesson)

    def show_lesson(self, lesson: Lesson | None) -> None:
        self.lesson = lesson
        self.lesson_changed.emit(lesson)

    @Slot(int)
    def _on_reached(self, step: int) -> None:
        self.say(self.tr("Paused at step {n}, where the lesson says to look. Press Space to train on.").format(n=step),
                 "info")

    # ---- teacher mode -------------------------------------------------------------------------
    def _locked(self, names: tuple[str, ...]) -> list[str]:
        t = self.teacher
        return [n for n in names if n in t.locked or n in t.hidden]

    def _refused(self, names: tuple[str, ...]) -> bool:
        """True, and says why, if the teacher locked (or hid) any of these controls."""
        locked = self._locked(names)
        if locked:
            titles = ", ".join(QCoreApplication.translate("TeacherDialog", CONTROLS[n]) for n in locked)
            self.say(self.tr("Locked by the teacher: {controls}. View ▸ Teacher mode… unlocks it.").format(
                controls=titles), "warning")
        return bool(locked)

    def allowed(self, names: tuple[str, ...]) -> bool:
        """For the file actions: False, with the reason shown, if the teacher locked any of these."""
        return not self._refused(names)

    # ---- messages -----------------------------------------------------------------------------
    def say(self, text: str, kind: str = "info", actions: Actions = ()) -> None:
        self.message.emit(text, kind, actions)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.say(message, "warning")

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self.say(self.tr("Training diverged.") + " " + message, "error")

    # ---- results ------------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        if snap.num_classes != self.capacity:
            self.capacity = snap.num_classes
            self.capacity_changed.emit(self.capacity)
            self._check_play()
        self.history.update(snap)
        self.snapshot.emit(snap)
        self.snapshots_drawn += 1

    # ---- sessions -----------------------------------------------------------------------------
    def to_session(self, state: TrainerState, docks: list[str]) -> Session:
        ui: dict[str, object] = {
            "active_class": self.active_class, "probe": list(self.probe),
            "lesson": self.lesson.name if self.lesson else "", **to_ui(self.view), "docks": docks,
            "teacher": {"hidden": sorted(self.teacher.hidden), "locked": sorted(self.teacher.locked)},
            "scratch": self.scratch.to_ui()}
        return Session(state, self.history.curves(), ui)

    def restore(self, s: Session, with_lesson: bool = False) -> None:
        """Continue a saved session. Its `ui` section is checked whole first (SessionError before any change), so
        the window is either all as it was or all the session's: nothing below can fail half-way."""
        st, ui = s.state, check_ui(s.ui, SessionError)  # as the loader leaves it; a Session built in code too
        self._load_config(st.config)
        self._edit_points(st.data, "open session")
        train, val, test = (s.curves.get(k, []) for k in ("train", "val", "test"))
        self.history.load(train, val, st.step, test)
        self.set_active_class(ui["active_class"])
        x, y, c = ui["probe"]
        self.set_probe(x, y, c)
        self.set_view(**from_ui(ui))
        if "scratch" in ui:  # a file from before the Scratchpad leaves it as it is
            self.scratch.restore(ui["scratch"])
        teacher = ui["teacher"]
        self.set_teacher(set(teacher["hidden"]), set(teacher["locked"]))  # also re-shows rows a new config hid
        lesson = ui["lesson"]
        try:
            self.show_lesson(get_lesson(lesson) if with_lesson and lesson else None)
        except ValueError:  # a lesson this version does not have
            self.show_lesson(None)
        # last: queued requests reach the worker in order, so the restored run's first snapshot already carries
        # the probe and the views set above (sent before it, they would go to the run being replaced)
        self.controller.restore(st)
