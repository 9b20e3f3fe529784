;; c[i,:] += Σ_p A(i,p) · b[p,:] with WebAssembly SIMD — the NN and TN products of ../gemm.ts (rowsTimesB),
;; the same numbers bit for bit: every c[i,j] starts from c, adds a[i,p]·b[p,j] one p at a time, in order,
;; each product and each sum rounded once (f64x2.mul then f64x2.add, never a fused multiply-add). That is
;; the plain i-k-j loop; only the order in which elements are visited differs, which changes no element.
;;
;; The blocking: a 4×4 block of c (four rows, two f64x2 of columns) is held in eight registers while p runs
;; over all of K; each p loads two vectors of b's row p and four numbers of A's column p (each splat into
;; both lanes), for eight multiplies and eight adds. Column blocks are the outer loop, so the strip of b they
;; read stays in cache while every row block passes over it. Leftover rows go one at a time; leftover
;; columns two at a time, then one.
;;
;; Arguments: byte offsets of a, b and c in this module's memory; M, K, N; the strides of A(i,p) in a, in
;; elements: a[i·si + p·sk] ((K, 1) for a [M,K], (1, M) for the transpose of a [K,M]).
;; Built into ./gemmModule.ts by `npm run build:wasm` (scripts/build-wasm.ts); a test checks they agree.
(module
  (memory (export "memory") 1)

  (func (export "rowsTimesB")
    (param $a i32) (param $b i32) (param $c i32)
    (param $M i32) (param $K i32) (param $N i32) (param $si i32) (param $sk i32)
    (local $rowB i32) (local $siB i32) (local $skB i32) (local $i i32) (local $j i32)
    (local $n4 i32) (local $n2 i32)
    (local.set $rowB (i32.shl (local.get $N) (i32.const 3)))
    (local.set $siB (i32.shl (local.get $si) (i32.const 3)))
    (local.set $skB (i32.shl (local.get $sk) (i32.const 3)))
    ;; byte ends of the columns done four, and two, at a time
    (local.set $n4 (i32.shl (i32.and (local.get $N) (i32.const -4)) (i32.const 3)))
    (local.set $n2 (i32.shl (i32.and (local.get $N) (i32.const -2)) (i32.const 3)))
    ;; columns four at a time
    (block $jDone
      (loop $jLoop
        (br_if $jDone (i32.ge_u (local.get $j) (local.get $n4)))
        (local.set $i (i32.const 0))
        (block $iDone
          (loop $iLoop
            (br_if $iDone (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $M)))
            (call $block4x4
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $siB)))
              (i32.add (local.get $b) (local.get $j))
              (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowB))) (local.get $j))
              (local.get $K) (local.get $rowB) (local.get $siB) (local.get $skB))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $iLoop)))
        (block $rDone
          (loop $rLoop
            (br_if $rDone (i32.ge_s (local.get $i) (local.get $M)))
            (call $block1x4
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $siB)))
              (i32.add (local.get $b) (local.get $j))
              (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowB))) (local.get $j))
              (local.get $K) (local.get $rowB) (local.get $skB))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rLoop)))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $jLoop)))
    ;; two more columns when N mod 4 ≥ 2
    (if (i32.lt_u (local.get $n4) (local.get $n2))
      (then
        (local.set $i (i32.const 0))
        (block $done
          (loop $rows
            (br_if $done (i32.ge_s (local.get $i) (local.get $M)))
            (call $block1x2
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $siB)))
              (i32.add (local.get $b) (local.get $n4))
              (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowB))) (local.get $n4))
              (local.get $K) (local.get $rowB) (local.get $skB))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))))
    ;; the last column when N is odd
    (if (i32.lt_u (local.get $n2) (local.get $rowB))
      (then
        (local.set $i (i32.const 0))
        (block $done
          (loop $rows
            (br_if $done (i32.ge_s (local.get $i) (local.get $M)))
            (call $block1x1
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $siB)))
              (i32.add (local.get $b) (local.get $n2))
              (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowB))) (local.get $n2))
              (local.get $K) (local.get $rowB) (local.get $skB))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows))))))

  ;; c[r, 0..3] for the four rows r whose A(r,·) start at a0, a0+siB, …; b0 and c0 point at column 0 of the
  ;; block in b's row 0 and c's first row. Steps: b by a row (rowB), A by skB.
  (func $block4x4
    (param $a0 i32) (param $b0 i32) (param $c0 i32)
    (param $K i32) (param $rowB i32) (param $siB i32) (param $skB i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $o i32) (local $bp i32) (local $p i32)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local $u v128) (local $v v128) (local $x v128)
    (local.set $a1 (i32.add (local.get $a0) (local.get $siB)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $siB)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $siB)))
    (local.set $c1 (i32.add (local.get $c0) (local.get $rowB)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $rowB)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $rowB)))
    (local.set $s00 (v128.load (local.get $c0)))
    (local.set $s01 (v128.load offset=16 (local.get $c0)))
    (local.set $s10 (v128.load (local.get $c1)))
    (local.set $s11 (v128.load offset=16 (local.get $c1)))
    (local.set $s20 (v128.load (local.get $c2)))
    (local.set $s21 (v128.load offset=16 (local.get $c2)))
    (local.set $s30 (v128.load (local.get $c3)))
    (local.set $s31 (v128.load offset=16 (local.get $c3)))
    (local.set $bp (local.get $b0))
    (block $done
      (loop $pLoop
        (br_if $done (i32.ge_s (local.get $p) (local.get $K)))
        (local.set $u (v128.load (local.get $bp)))
        (local.set $v (v128.load offset=16 (local.get $bp)))
        (local.set $x (v128.load64_splat (i32.add (local.get $a0) (local.get $o))))
        (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x) (local.get $u))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x) (local.get $v))))
        (local.set $x (v128.load64_splat (i32.add (local.get $a1) (local.get $o))))
        (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $x) (local.get $u))))
        (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $x) (local.get $v))))
        (local.set $x (v128.load64_splat (i32.add (local.get $a2) (local.get $o))))
        (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $x) (local.get $u))))
        (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $x) (local.get $v))))
        (local.set $x (v128.load64_splat (i32.add (local.get $a3) (local.get $o))))
        (local.set $s30 (f64x2.add (local.get $s30) (f64x2.mul (local.get $x) (local.get $u))))
        (local.set $s31 (f64x2.add (local.get $s31) (f64x2.mul (local.get $x) (local.get $v))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $bp (i32.add (local.get $bp) (local.get $rowB)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
    (v128.store (local.get $c0) (local.get $s00))
    (v128.store offset=16 (local.get $c0) (local.get $s01))
    (v128.store (local.get $c1) (local.get $s10))
    (v128.store offset=16 (local.get $c1) (local.get $s11))
    (v128.store (local.get $c2) (local.get $s20))
    (v128.store offset=16 (local.get $c2) (local.get $s21))
    (v128.store (local.get $c3) (local.get $s30))
    (v128.store offset=16 (local.get $c3) (local.get $s31)))

  ;; c[r, 0..3] for one row.
  (func $block1x4
    (param $a0 i32) (param $b0 i32) (param $c0 i32) (param $K i32) (param $rowB i32) (param $skB i32)
    (local $o i32) (local $bp i32) (local $p i32) (local $s0 v128) (local $s1 v128) (local $x v128)
    (local.set $s0 (v128.load (local.get $c0)))
    (local.set $s1 (v128.load offset=16 (local.get $c0)))
    (local.set $bp (local.get $b0))
    (block $done
      (loop $pLoop
        (br_if $done (i32.ge_s (local.get $p) (local.get $K)))
        (local.set $x (v128.load64_splat (i32.add (local.get $a0) (local.get $o))))
        (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $x) (v128.load (local.get $bp)))))
        (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $x) (v128.load offset=16 (local.get $bp)))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $bp (i32.add (local.get $bp) (local.get $rowB)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
    (v128.store (local.get $c0) (local.get $s0))
    (v128.store offset=16 (local.get $c0) (local.get $s1)))

  ;; c[r, 0..1] for one row.
  (func $block1x2
    (param $a0 i32) (param $b0 i32) (param $c0 i32) (param $K i32) (param $rowB i32) (param $skB i32)
    (local $o i32) (local $bp i32) (local $p i32) (local $s v128)
    (local.set $s (v128.load (local.get $c0)))
    (local.set $bp (local.get $b0))
    (block $done
      (loop $pLoop
        (br_if $done (i32.ge_s (local.get $p) (local.get $K)))
        (local.set $s
          (f64x2.add (local.get $s)
            (f64x2.mul (v128.load64_splat (i32.add (local.get $a0) (local.get $o))) (v128.load (local.get $bp)))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $bp (i32.add (local.get $bp) (local.get $rowB)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
    (v128.store (local.get $c0) (local.get $s)))

  ;; c[r, 0] for one row.
  (func $block1x1
    (param $a0 i32) (param $b0 i32) (param $c0 i32) (param $K i32) (param $rowB i32) (param $skB i32)
    (local $o i32) (local $bp i32) (local $p i32) (local $s f64)
    (local.set $s (f64.load (local.get $c0)))
    (local.set $bp (local.get $b0))
    (block $done
      (loop $pLoop
        (br_if $done (i32.ge_s (local.get $p) (local.get $K)))
        (local.set $s
          (f64.add (local.get $s)
            (f64.mul (f64.load (i32.add (local.get $a0) (local.get $o))) (f64.load (local.get $bp)))))
        (local.set $o (i32.add (local.get $o) (local.get $skB)))
        (local.set $bp (i32.add (local.get $bp) (local.get $rowB)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
    (f64.store (local.get $c0) (local.get $s))))
