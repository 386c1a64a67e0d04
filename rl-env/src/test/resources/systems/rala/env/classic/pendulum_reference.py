"""Reference trajectories of Gymnasium's Pendulum-v1 dynamics, computed with numpy in float64.

Written from the equations of gymnasium/envs/classic_control/pendulum.py (v1): semi-implicit Euler,
dt 0.05, g 10, m = l = 1, speed clipped to [-8, 8], torque to [-2, 2], reward from the state before the
step with the angle normalised by numpy's floor modulo. Observations are kept in float64 (Gymnasium casts
them to float32). Regenerate with:  python3 pendulum_reference.py > pendulum_reference.csv
"""
import numpy as np

G, M, L, DT, MAX_SPEED, MAX_TORQUE = 10.0, 1.0, 1.0, 0.05, 8.0, 2.0


def angle_normalize(x):
    return ((x + np.pi) % (2 * np.pi)) - np.pi


def step(th, thdot, a):
    u = float(np.clip(a, -MAX_TORQUE, MAX_TORQUE))
    cost = angle_normalize(th) ** 2 + 0.1 * thdot**2 + 0.001 * u**2
    newthdot = thdot + (3 * G / (2 * L) * np.sin(th) + 3.0 / (M * L**2) * u) * DT
    newthdot = float(np.clip(newthdot, -MAX_SPEED, MAX_SPEED))
    newth = th + newthdot * DT
    return newth, newthdot, -cost


def torque(case, k):
    # case 0: a swinging sequence that exceeds the torque bound (clipped); case 1: bang-bang
    return 2.5 * np.sin(0.37 * k) if case == 0 else (2.0 if (k // 15) % 2 == 0 else -2.0)


print("case,k,theta0,theta_dot0,action,cos_theta,sin_theta,theta_dot,reward")
for case, (th0, thdot0) in enumerate([(2.5, -0.7), (-3.0, 0.9)]):
    th, thdot = th0, thdot0
    for k in range(200):
        a = torque(case, k)
        th, thdot, r = step(th, thdot, a)
        print(",".join(repr(float(v)) if i > 1 else str(v) for i, v in enumerate((case, k, th0, thdot0, a, np.cos(th), np.sin(th), thdot, r))))
