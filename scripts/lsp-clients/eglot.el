;;; eglot.el --- Emacs 28 + Eglot 1.9 (Debian 12) as a client of `crosswalk lsp --stdio'  -*- lexical-binding: t -*-
;; Started by scripts/lsp-clients/run.mjs as `emacs --batch -Q -l eglot.el'; writes what it received to
;; $CROSSWALK_OUT as JSON, which run.mjs checks. See /work/shared/notes/lsp-real-clients.md: -Q
;; empties the package path, `eglot-ensure' never fires in batch, Emacs 28 has no markdown-mode
;; (the server gets languageId "text"), and batch Emacs never goes idle, so didChange is sent by hand.
(setq package-directory-list '("/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar cw-out (getenv "CROSSWALK_OUT"))
(defvar cw-result (list (cons 'client (format "emacs %s, eglot %s" emacs-version
                                              (or (ignore-errors (mapconcat #'number-to-string (package-desc-version (cadr (assq 'eglot package-alist))) ".")) "?")))))
(defvar cw-published 0)
(defvar cw-last nil)

(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key _uri diagnostics &allow-other-keys)
  (setq cw-published (1+ cw-published))
  (setq cw-last diagnostics))

(defun cw-put (key value) (push (cons key value) cw-result))

(defun cw-finish (ok)
  (with-temp-file cw-out (insert (json-encode cw-result)))
  (kill-emacs (if ok 0 1)))

(defun cw-fail (message)
  (cw-put 'error message)
  (cw-finish nil))

(defun cw-wait (predicate seconds)
  "Process server output until PREDICATE holds or SECONDS pass; return whether it held."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun cw-underlined ()
  "The text of each diagnostic of the last publish, as Emacs places it in the buffer."
  (mapcar (lambda (d)
            (let* ((range (plist-get d :range))
                   (beg (eglot--lsp-position-to-point (plist-get range :start)))
                   (end (eglot--lsp-position-to-point (plist-get range :end))))
              (list (cons 'code (plist-get d :code))
                    (cons 'text (buffer-substring-no-properties beg end))
                    (cons 'line (1- (line-number-at-pos beg))))))
          cw-last))

(defun cw-main ()
  (let ((draft (getenv "CROSSWALK_DRAFT"))
        (cli (getenv "CROSSWALK_CLI")))
    (setq eglot-server-programs (list (cons '(text-mode) (list "node" cli "lsp" "--stdio"))))
    (find-file draft)
    (text-mode)
    (apply #'eglot (eglot--guess-contact))
    (unless (cw-wait (lambda () (> cw-published 0)) 15) (cw-fail "no diagnostics arrived"))
    (cw-put 'diagnostics (cw-underlined))
    (let* ((server (eglot--current-server-or-lose))
           (target (cl-find-if (lambda (d) (and (equal (plist-get d :code) "jargon") (string-match-p "UAT" (plist-get d :message)))) cw-last)))
      (unless target (cw-fail "no jargon diagnostic for UAT"))
      (let* ((range (plist-get target :range))
             (hover (jsonrpc-request server :textDocument/hover
                                     (list :textDocument (eglot--TextDocumentIdentifier) :position (plist-get range :start))))
             (actions (jsonrpc-request server :textDocument/codeAction
                                       (list :textDocument (eglot--TextDocumentIdentifier) :range range
                                             :context (list :diagnostics (vector target)))))
             (chosen (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
        (cw-put 'hover (plist-get (plist-get hover :contents) :value))
        (cw-put 'actions (mapcar (lambda (a) (plist-get a :title)) actions))
        (unless chosen (cw-fail "no preferred quick fix"))
        (unless (plist-get chosen :edit)
          (setq chosen (jsonrpc-request server :codeAction/resolve chosen)))
        (unless (plist-get chosen :edit) (cw-fail "the quick fix has no edit"))
        (cw-put 'applied (plist-get chosen :title))
        (let ((before cw-published)
              (line (plist-get (plist-get range :start) :line)))
          (eglot--apply-workspace-edit (plist-get chosen :edit))
          (cw-put 'edited_line (save-excursion (goto-char (point-min)) (forward-line line)
                                               (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          (eglot--signal-textDocument/didChange)
          (unless (cw-wait (lambda () (> cw-published before)) 15) (cw-fail "the server did not re-check the edited buffer"))
          (cw-put 'after (cw-underlined))
          (cw-finish t))))))

(condition-case err
    (cw-main)
  (error (cw-fail (format "%S" err))))
