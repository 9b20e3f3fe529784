;; c[i,:] += Σ_p A(i,p) · b[p,:] with WebAssembly SIMD, two columns of c per f64x2 — the NN and TN products of
;; ../gemm.ts (rowsTimesB), the same numbers bit for bit: every c[i,j] adds a[i,p]·b[p,j] one p at a time,
;; in order, each product and each sum rounded once (f64x2.mul then f64x2.add, never a fused multiply-add),
;; which is the plain i-k-j loop. Only the blocking differs (two rows of c, four p per pass), and blocking
;; does not change any element's sum.
;;
;; Arguments: byte offsets of a, b and c in this module's memory; M, K, N; the strides of A(i,p) in a, in
;; elements: a[i·si + p·sk] ((K, 1) for a [M,K], (1, M) for the transpose of a [K,M]).
;; Built into ./gemmModule.ts by `npm run build:wasm` (scripts/build-wasm.ts); a test checks they agree.
(module
  (memory (export "memory") 1)

  (func (export "rowsTimesB")
    (param $a i32) (param $b i32) (param $c i32)
    (param $M i32) (param $K i32) (param $N i32) (param $si i32) (param $sk i32)
    (local $i i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 3)))
    ;; two rows of c at a time
    (block $done
      (loop $pairs
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $M)))
        (call $twoRows
          (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $si)) (i32.const 3)))
          (i32.add (local.get $a) (i32.shl (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $si)) (i32.const 3)))
          (local.get $b)
          (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowBytes)))
          (local.get $K) (local.get $N) (local.get $sk))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    ;; the last row when M is odd
    (if (i32.lt_s (local.get $i) (local.get $M))
      (then
        (call $oneRow
          (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $si)) (i32.const 3)))
          (local.get $b)
          (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowBytes)))
          (local.get $K) (local.get $N) (local.get $sk)))))

  ;; Rows c0 and c1 of c (byte offsets), whose A(·,p) are at a0 + p·sk and a1 + p·sk (byte offsets a0, a1).
  (func $twoRows
    (param $a0 i32) (param $a1 i32) (param $b i32) (param $c0 i32)
    (param $K i32) (param $N i32) (param $sk i32)
    (local $c1 i32) (local $p i32) (local $skB i32) (local $rowBytes i32) (local $even i32) (local $j i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $o i32)
    (local $x0 f64) (local $y0 f64) (local $z0 f64) (local $w0 f64)
    (local $x1 f64) (local $y1 f64) (local $z1 f64) (local $w1 f64)
    (local $X0 v128) (local $Y0 v128) (local $Z0 v128) (local $W0 v128)
    (local $X1 v128) (local $Y1 v128) (local $Z1 v128) (local $W1 v128)
    (local $U v128) (local $V v128) (local $S v128) (local $T v128)
    (local $u f64) (local $v f64) (local $s f64) (local $t f64)
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 3)))
    (local.set $c1 (i32.add (local.get $c0) (local.get $rowBytes)))
    (local.set $skB (i32.shl (local.get $sk) (i32.const 3)))
    ;; bytes of the columns done two at a time
    (local.set $even (i32.shl (i32.and (local.get $N) (i32.const -2)) (i32.const 3)))
    ;; four p at a time
    (block $pDone
      (loop $pLoop
        (br_if $pDone (i32.gt_s (i32.add (local.get $p) (i32.const 4)) (local.get $K)))
        (local.set $o (i32.mul (local.get $p) (local.get $skB)))
        (local.set $x0 (f64.load (i32.add (local.get $a0) (local.get $o))))
        (local.set $x1 (f64.load (i32.add (local.get $a1) (local.get $o))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $y0 (f64.load (i32.add (local.get $a0) (local.get $o))))
        (local.set $y1 (f64.load (i32.add (local.get $a1) (local.get $o))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $z0 (f64.load (i32.add (local.get $a0) (local.get $o))))
        (local.set $z1 (f64.load (i32.add (local.get $a1) (local.get $o))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $w0 (f64.load (i32.add (local.get $a0) (local.get $o))))
        (local.set $w1 (f64.load (i32.add (local.get $a1) (local.get $o))))
        (local.set $X0 (f64x2.splat (local.get $x0)))
        (local.set $Y0 (f64x2.splat (local.get $y0)))
        (local.set $Z0 (f64x2.splat (local.get $z0)))
        (local.set $W0 (f64x2.splat (local.get $w0)))
        (local.set $X1 (f64x2.splat (local.get $x1)))
        (local.set $Y1 (f64x2.splat (local.get $y1)))
        (local.set $Z1 (f64x2.splat (local.get $z1)))
        (local.set $W1 (f64x2.splat (local.get $w1)))
        ;; rows p..p+3 of b
        (local.set $r0 (i32.add (local.get $b) (i32.mul (local.get $p) (local.get $rowBytes))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
        (local.set $j (i32.const 0))
        (block $jDone
          (loop $jLoop
            (br_if $jDone (i32.ge_u (local.get $j) (local.get $even)))
            (local.set $U (v128.load (i32.add (local.get $r0) (local.get $j))))
            (local.set $V (v128.load (i32.add (local.get $r1) (local.get $j))))
            (local.set $S (v128.load (i32.add (local.get $r2) (local.get $j))))
            (local.set $T (v128.load (i32.add (local.get $r3) (local.get $j))))
            ;; ((((c + x·u) + y·v) + z·s) + w·t), left to right
            (v128.store (i32.add (local.get $c0) (local.get $j))
              (f64x2.add
                (f64x2.add
                  (f64x2.add
                    (f64x2.add
                      (v128.load (i32.add (local.get $c0) (local.get $j)))
                      (f64x2.mul (local.get $X0) (local.get $U)))
                    (f64x2.mul (local.get $Y0) (local.get $V)))
                  (f64x2.mul (local.get $Z0) (local.get $S)))
                (f64x2.mul (local.get $W0) (local.get $T))))
            (v128.store (i32.add (local.get $c1) (local.get $j))
              (f64x2.add
                (f64x2.add
                  (f64x2.add
                    (f64x2.add
                      (v128.load (i32.add (local.get $c1) (local.get $j)))
                      (f64x2.mul (local.get $X1) (local.get $U)))
                    (f64x2.mul (local.get $Y1) (local.get $V)))
                  (f64x2.mul (local.get $Z1) (local.get $S)))
                (f64x2.mul (local.get $W1) (local.get $T))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $jLoop)))
        ;; the last column when N is odd
        (if (i32.lt_u (local.get $j) (local.get $rowBytes))
          (then
            (local.set $u (f64.load (i32.add (local.get $r0) (local.get $j))))
            (local.set $v (f64.load (i32.add (local.get $r1) (local.get $j))))
            (local.set $s (f64.load (i32.add (local.get $r2) (local.get $j))))
            (local.set $t (f64.load (i32.add (local.get $r3) (local.get $j))))
            (f64.store (i32.add (local.get $c0) (local.get $j))
              (f64.add
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.load (i32.add (local.get $c0) (local.get $j)))
                      (f64.mul (local.get $x0) (local.get $u)))
                    (f64.mul (local.get $y0) (local.get $v)))
                  (f64.mul (local.get $z0) (local.get $s)))
                (f64.mul (local.get $w0) (local.get $t))))
            (f64.store (i32.add (local.get $c1) (local.get $j))
              (f64.add
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.load (i32.add (local.get $c1) (local.get $j)))
                      (f64.mul (local.get $x1) (local.get $u)))
                    (f64.mul (local.get $y1) (local.get $v)))
                  (f64.mul (local.get $z1) (local.get $s)))
                (f64.mul (local.get $w1) (local.get $t))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $pLoop)))
    ;; the last K mod 4 rows of b, one at a time
    (block $tDone
      (loop $tLoop
        (br_if $tDone (i32.ge_s (local.get $p) (local.get $K)))
        (local.set $o (i32.mul (local.get $p) (local.get $skB)))
        (local.set $x0 (f64.load (i32.add (local.get $a0) (local.get $o))))
        (local.set $x1 (f64.load (i32.add (local.get $a1) (local.get $o))))
        (local.set $X0 (f64x2.splat (local.get $x0)))
        (local.set $X1 (f64x2.splat (local.get $x1)))
        (local.set $r0 (i32.add (local.get $b) (i32.mul (local.get $p) (local.get $rowBytes))))
        (local.set $j (i32.const 0))
        (block $jDone
          (loop $jLoop
            (br_if $jDone (i32.ge_u (local.get $j) (local.get $even)))
            (local.set $U (v128.load (i32.add (local.get $r0) (local.get $j))))
            (v128.store (i32.add (local.get $c0) (local.get $j))
              (f64x2.add
                (v128.load (i32.add (local.get $c0) (local.get $j)))
                (f64x2.mul (local.get $X0) (local.get $U))))
            (v128.store (i32.add (local.get $c1) (local.get $j))
              (f64x2.add
                (v128.load (i32.add (local.get $c1) (local.get $j)))
                (f64x2.mul (local.get $X1) (local.get $U))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $jLoop)))
        (if (i32.lt_u (local.get $j) (local.get $rowBytes))
          (then
            (local.set $u (f64.load (i32.add (local.get $r0) (local.get $j))))
            (f64.store (i32.add (local.get $c0) (local.get $j))
              (f64.add
                (f64.load (i32.add (local.get $c0) (local.get $j)))
                (f64.mul (local.get $x0) (local.get $u))))
            (f64.store (i32.add (local.get $c1) (local.get $j))
              (f64.add
                (f64.load (i32.add (local.get $c1) (local.get $j)))
                (f64.mul (local.get $x1) (local.get $u))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $tLoop))))

  ;; One row of c (byte offset c0), whose A(·,p) is at a0 + p·sk: p one at a time.
  (func $oneRow
    (param $a0 i32) (param $b i32) (param $c0 i32) (param $K i32) (param $N i32) (param $sk i32)
    (local $p i32) (local $rowBytes i32) (local $even i32) (local $j i32) (local $r0 i32)
    (local $x0 f64) (local $X0 v128)
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 3)))
    (local.set $even (i32.shl (i32.and (local.get $N) (i32.const -2)) (i32.const 3)))
    (block $pDone
      (loop $pLoop
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $K)))
        (local.set $x0 (f64.load (i32.add (local.get $a0) (i32.shl (i32.mul (local.get $p) (local.get $sk)) (i32.const 3)))))
        (local.set $X0 (f64x2.splat (local.get $x0)))
        (local.set $r0 (i32.add (local.get $b) (i32.mul (local.get $p) (local.get $rowBytes))))
        (local.set $j (i32.const 0))
        (block $jDone
          (loop $jLoop
            (br_if $jDone (i32.ge_u (local.get $j) (local.get $even)))
            (v128.store (i32.add (local.get $c0) (local.get $j))
              (f64x2.add
                (v128.load (i32.add (local.get $c0) (local.get $j)))
                (f64x2.mul (local.get $X0) (v128.load (i32.add (local.get $r0) (local.get $j))))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $jLoop)))
        (if (i32.lt_u (local.get $j) (local.get $rowBytes))
          (then
            (f64.store (i32.add (local.get $c0) (local.get $j))
              (f64.add
                (f64.load (i32.add (local.get $c0) (local.get $j)))
                (f64.mul (local.get $x0) (f64.load (i32.add (local.get $r0) (local.get $j))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))))
